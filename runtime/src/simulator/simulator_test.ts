/**
 * The simulator follows the kernel where a probe can tell: map capacity, LRU eviction, per-CPU
 * values, ring buffers that drop records when full (counted), bounded NUL-terminated string
 * reads, a monotonic clock, the current task, and pointers held across map updates.
 */
import { describe, expect, test } from "bun:test";
import { MapType } from "@ts-bpf/loader";
import { simulate } from "../../mod.ts";
import { SimRingBuf } from "./sim_maps.ts";
import { SimMemory } from "./sim_memory.ts";

const probe = (source: string) => simulate({ file: "probe.ts", source });

describe("simulate()", () => {
  test("a hash map refuses a new key when full, but still updates existing keys", async () => {
    const sim = await probe(`
      import { HashMap, test, type u32, u64 } from "@ts-bpf/probes";
      const m = new HashMap<u32, u64>({ entries: 2 });
      test("put", (ctx) => { m.set(u32(ctx.arg(0)), ctx.arg(1)); return m.get(u32(ctx.arg(0))) === undefined ? 0 : 1; });`);
    expect(sim.fire("put", [1n, 10n])).toBe(1n);
    expect(sim.fire("put", [2n, 20n])).toBe(1n);
    expect(sim.fire("put", [3n, 30n])).toBe(0n);
    expect(sim.fire("put", [1n, 11n])).toBe(1n);
    expect([sim.get("m", 1), sim.get("m", 2), sim.get("m", 3)]).toEqual([11n, 20n, undefined]);
  });

  test("an LRU hash map evicts the least recently used key", async () => {
    const sim = await probe(`
      import { LruHashMap, test, type u32, u64 } from "@ts-bpf/probes";
      const m = new LruHashMap<u32, u64>({ entries: 2 });
      test("put", (ctx) => { m.set(u32(ctx.arg(0)), ctx.arg(1)); return 0; });
      test("touch", (ctx) => { const v = m.get(u32(ctx.arg(0))); return v === undefined ? 0 : 1; });`);
    sim.fire("put", [1n, 10n]);
    sim.fire("put", [2n, 20n]);
    expect(sim.fire("touch", [1n])).toBe(1n); // 2 is now the least recently used
    sim.fire("put", [3n, 30n]);
    expect([sim.get("m", 1), sim.get("m", 2), sim.get("m", 3)]).toEqual([10n, undefined, 30n]);
  });

  test("per-CPU maps keep one value per CPU; u64 reads sum them", async () => {
    const sim = await probe(`
      import { PerCpuArrayMap, test, type u64 } from "@ts-bpf/probes";
      const m = new PerCpuArrayMap<u64>({ entries: 1 });
      test("bump", () => { const v = m.get(0); if (v === undefined) return 0; const n = v + 1n; m.set(0, n); return n; });`,
    );
    expect(sim.fire("bump", [], { pid: 1, cpu: 0 })).toBe(1n);
    expect(sim.fire("bump", [], { pid: 1, cpu: 0 })).toBe(2n);
    expect(sim.fire("bump", [], { pid: 1, cpu: 1 })).toBe(1n);
    expect(sim.get("m", 0)).toBe(3n);
  });

  test("a full ring buffer drops records and counts them", async () => {
    const sim = await probe(`
      import { RingBuf, test, type u64 } from "@ts-bpf/probes";
      interface Big { a: u64; pad0: u64; pad1: u64; pad2: u64; pad3: u64; pad4: u64; pad5: u64; pad6: u64 }
      const ring = new RingBuf<Big>({ bytes: 4096 });
      test("emit", (ctx) => { ring.emit({ a: ctx.arg(0), pad0: 0n, pad1: 0n, pad2: 0n, pad3: 0n, pad4: 0n, pad5: 0n, pad6: 0n }); return 0; });`);
    // 64-byte records take 72 bytes with their header: 56 fit in 4096 bytes.
    for (let i = 0; i < 60; i++) sim.fire("emit", [BigInt(i)]);
    const events = sim.events("ring") as { a: bigint }[];
    expect(events).toHaveLength(Math.floor(4096 / 72));
    expect(events[0]!.a).toBe(0n);
    expect(sim.drops("ring")).toBe(BigInt(60 - Math.floor(4096 / 72)));
    // Draining frees the space.
    sim.fire("emit", [99n]);
    expect((sim.events("ring") as { a: bigint }[]).map((e) => e.a)).toEqual([99n]);
  });

  test("string reads stop at the destination's size and always end with a NUL", async () => {
    const sim = await probe(`
      import { readUserStr, RingBuf, type str, test } from "@ts-bpf/probes";
      interface Line { text: str<8> }
      const out = new RingBuf<Line>({ bytes: 4096 });
      test("read", (ctx) => { out.emit({ text: readUserStr(ctx.arg(0), 8) }); return 0; });`);
    sim.fire("read", [sim.userMemory("abcdefghijkl")]);
    sim.fire("read", ["hi"]);
    sim.fire("read", [0n]); // a bad address: the helper fails and the string is empty
    expect(sim.events("out")).toEqual([{ text: "abcdefg" }, { text: "hi" }, { text: "" }]);
  });

  test("a record is filled in place where an earlier one was: no old bytes show", async () => {
    const sim = await probe(`
      import { readUserStr, RingBuf, type str, test, u8, type u64 } from "@ts-bpf/probes";
      interface Rec { tag: u8; n: u64; text: str<16> }
      const out = new RingBuf<Rec>({ bytes: 4096 });
      test("emit", (ctx) => { out.emit({ tag: u8(ctx.arg(1)), n: ctx.arg(1), text: readUserStr(ctx.arg(0), 16) }); return 0; });`);
    sim.fire("emit", [sim.userMemory("a long line here"), 1n]);
    expect(sim.events("out")).toEqual([{ tag: 1, n: 1n, text: "a long line her" }]);
    // Draining freed the space: this record is reserved where the first one was.
    sim.fire("emit", [sim.userMemory("hi"), 2n]);
    expect(sim.events("out")).toEqual([{ tag: 2, n: 2n, text: "hi" }]);
  });

  test("a record written in place has its padding and a shorter string's rest zeroed", async () => {
    const sim = await probe(`
      import { readUserStr, RingBuf, type str, test, type u8, type u64 } from "@ts-bpf/probes";
      interface Rec { tag: u8; n: u64; name: str<16> }
      const out = new RingBuf<Rec>({ bytes: 4096 });
      test("emit", (ctx) => {
        const s: str<4> = readUserStr(ctx.arg(0), 4);
        out.emit({ tag: 7, n: ctx.arg(1), name: s });
        return 0;
      });`);
    sim.fire("emit", [sim.userMemory("abc"), 5n]);
    // The simulator's ring holds non-zero bytes before a record is written (as the kernel's
    // does after use): any byte the probe did not write would show.
    const [bytes] = sim.records("out");
    expect([...bytes!]).toEqual([7, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0,
      97, 98, 99, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  test("ring buffer records arrive in reservation order once submitted; a discarded one never", () => {
    const wasm = new WebAssembly.Memory({ initial: 1, maximum: 4 });
    const memory = new SimMemory(wasm, (pages) => wasm.grow(pages));
    const spec = { name: "ring", variable: "ring", kind: "RingBuf", mapType: MapType.RINGBUF,
      maxEntries: 48, key: { kind: "void" }, value: { kind: "void" }, options: {} } as const;
    const ring = new SimRingBuf(spec, memory);
    const [a, b, c] = [ring.reserve(8), ring.reserve(8), ring.reserve(8)];
    expect(ring.reserve(8)).toBe(0n); // each takes 16 bytes with its header: 48 hold three
    memory.write(a, new Uint8Array(8).fill(1));
    memory.write(c, new Uint8Array(8).fill(3));
    ring.submit(c);
    ring.discard(b);
    expect(() => ring.drain()).toThrow("reserved but never submitted");
    ring.submit(a);
    expect(() => ring.submit(a)).toThrow("no record reserved");
    expect(ring.drain().map((r) => r[0])).toEqual([1, 3]);
  });

  test("the clock is monotonic and only moves when the test moves it", async () => {
    const sim = await probe(`
      import { ktimeNs, test } from "@ts-bpf/probes";
      test("now", () => ktimeNs());`);
    sim.setClock(5_000_000_000n);
    expect(sim.fire("now")).toBe(5_000_000_000n);
    sim.advance(250);
    expect(sim.fire("now")).toBe(5_000_000_250n);
    expect(() => sim.setClock(1n)).toThrow("monotonic");
  });

  test("helpers report the current task, set for the simulator or for one event", async () => {
    const sim = await probe(`
      import { HashMap, pid, tid, uid, comm, type str, test, type u32 } from "@ts-bpf/probes";
      const names = new HashMap<u32, str<16>>({ entries: 4 });
      test("who", () => { names.set(tid(), comm()); return pid() * 1000 + uid(); });`);
    sim.setTask({ pid: 7, uid: 3, comm: "a-very-long-command-name" });
    expect(sim.fire("who")).toBe(7003n);
    expect(sim.fire("who", [], { pid: 8, tid: 9, comm: "b" })).toBe(8003n);
    expect(sim.get("names", 7)).toBe("a-very-long-com");
    expect(sim.get("names", 9)).toBe("b");
  });

  test("a pointer held across an update of its key keeps reading the old value, as in the kernel", async () => {
    const sim = await probe(`
      import { HashMap, test, type u32, type u64 } from "@ts-bpf/probes";
      const m = new HashMap<u32, u64>({ entries: 4 });
      test("alias", () => {
        m.set(1, 10n);
        const p = m.get(1);
        if (p === undefined) return 0;
        m.set(1, 20n);
        return p;
      });`);
    expect(sim.fire("alias")).toBe(10n);
    expect(sim.get("m", 1)).toBe(20n);
  });

  test("firing an attach point the probe does not have names the ones it has", async () => {
    const sim = await probe(`
      import { test } from "@ts-bpf/probes";
      test("one", () => 1);`);
    expect(() => sim.fire("two")).toThrow("attached: one");
  });
});
