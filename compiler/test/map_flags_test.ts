/**
 * Map creation flags: aggregations keyed by a user key are hash maps created without
 * preallocation (BPF_F_NO_PREALLOC), which makes creating and closing them cheap; the user's own
 * hash maps, keyless aggregations and arrays keep the kernel's default. Checked in the ELF
 * `.maps` definitions, then on the maps the kernel created (their fdinfo).
 */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { readBpfObject } from "@ts-bpf/loader";
import { kernelTest } from "../../test/support/gates.ts";
import { compileOk, loadProbe } from "./support.ts";

const BPF_F_NO_PREALLOC = 1;

const SOURCE = `
import { ArrayMap, Count, HashMap, Histogram, LinearHistogram, LruHashMap, Max, Min, Stats, Sum,
  test, u32, type u64 } from "@ts-bpf/probes";

const byPid = new Count<u32>();
const total = new Count();
const sums = new Sum<u32>();
const lows = new Min<u32>();
const low = new Min();
const highs = new Max<u32>();
const stats = new Stats<u32>();
const hist = new Histogram<u32>();
const flat = new Histogram();
const lin = new LinearHistogram<u32>({ min: 0, max: 100, step: 10 });
const own = new HashMap<u32, u64>({ entries: 64 });
const lru = new LruHashMap<u32, u64>({ entries: 64 });
const arr = new ArrayMap<u64>({ entries: 4 });

test("all", (ctx) => {
  const k = u32(ctx.arg(0));
  byPid.increment(k);
  total.increment();
  sums.add(ctx.arg(1), k);
  lows.record(ctx.arg(1), k);
  low.record(ctx.arg(1));
  highs.record(ctx.arg(1), k);
  stats.record(ctx.arg(1), k);
  hist.record(ctx.arg(1), k);
  flat.record(ctx.arg(1));
  lin.record(ctx.arg(1), k);
  own.set(k, ctx.arg(1));
  lru.set(k, ctx.arg(1));
  arr.set(0, ctx.arg(1));
  return 0;
});
`;

const NOT_PREALLOCATED = ["byPid", "sums", "lows", "highs", "stats", "hist", "lin"];
const PREALLOCATED = ["total", "low", "flat", "own", "lru", "arr"];

describe("map flags", () => {
  const artifact = compileOk(SOURCE, "map_flags.ts");

  test("keyed aggregations are BPF_F_NO_PREALLOC in the ELF .maps; other maps have no flags", () => {
    const flags = Object.fromEntries(readBpfObject(artifact.object, "map_flags.ts").maps
      .map((m) => [m.spec.name, m.spec.flags ?? 0]));
    for (const name of NOT_PREALLOCATED) expect({ name, flags: flags[name] }).toEqual({ name, flags: 1 });
    for (const name of PREALLOCATED) expect({ name, flags: flags[name] }).toEqual({ name, flags: 0 });
  });

  kernelTest("the kernel creates them with those flags, and the program fills them", () => {
    const collection = loadProbe(artifact);
    try {
      for (const name of [...NOT_PREALLOCATED, ...PREALLOCATED]) {
        const map = collection.maps.get(name);
        if (!map) throw new Error(`map ${name} was not created`);
        const fdinfo = readFileSync(`/proc/self/fdinfo/${map.fd}`, "utf8");
        const flags = Number(/^map_flags:\s*(0x[0-9a-f]+)/m.exec(fdinfo)?.[1]);
        const want = NOT_PREALLOCATED.includes(name) ? BPF_F_NO_PREALLOC : 0;
        expect({ name, flags }).toEqual({ name, flags: want });
      }
      // Entries of a map without preallocation are allocated in the handler, on insert.
      const ctx = new Uint8Array(16);
      const view = new DataView(ctx.buffer);
      view.setBigUint64(0, 7n, true);
      view.setBigUint64(8, 42n, true);
      expect(collection.program("all").testRun({ ctx }).retval).toBe(0);
      const key = new Uint8Array([7, 0, 0, 0]);
      const highs = collection.maps.get("highs")!.lookup(key);
      expect(highs && new DataView(highs.buffer, highs.byteOffset).getBigUint64(0, true)).toBe(42n);
    } finally {
      collection.close();
    }
  });
});
