/**
 * Assigning a string builtin to a string field or local (`e.data = readUserStr(p, 256)`,
 * `v.name = comm()`) writes straight into it, like a struct literal's field does: no temporary,
 * so a 256-byte read into a record built in place costs no stack at all.
 */
import { describe, expect, test } from "bun:test";
import { compile } from "@ts-bpf/compiler";
import { kernelTest } from "../../../../test/support/gates.ts";
import { compileOk, loadProbe, runTest } from "../../../test/support.ts";

const RECORD_PROBE = `
import { ArrayMap, readUserStr, RingBuf, type str, test, type u64 } from "@ts-bpf/probes";
interface Big { len: u64; a: str<200>; b: str<200> }
const scratch = new ArrayMap<Big>({ entries: 1 });
const out = new RingBuf<Big>({ bytes: 4096 });
test("fill", (ctx) => {
  const local: Big = { len: 0n, a: readUserStr(ctx.arg(0), 200), b: readUserStr(ctx.arg(1), 200) };
  local.a = readUserStr(ctx.arg(1), 200);
  out.emit(local);
  const e = scratch.get(0);
  if (e === undefined) return 0;
  e.b = readUserStr(ctx.arg(0), 200);
  return 1;
});
`;

describe("string assignment", () => {
  test("a string read assigned to a field needs no temporary on the stack", () => {
    // 408 bytes of local record: with a 200-byte temporary for the assignment it would not fit.
    const result = compile({ file: "probe.ts", source: RECORD_PROBE, tracepointFormat: () => undefined });
    expect(result.rendered()).toBe("");
    expect(result.artifact).toBeDefined();
  });

  kernelTest("comm() assigned to a map value's field lands in the map", () => {
    const artifact = compileOk(`
import { ArrayMap, comm, type str, test, type u32 } from "@ts-bpf/probes";
interface Named { hits: u32; name: str<16> }
const names = new ArrayMap<Named>({ entries: 1 });
test("name", () => {
  const v = names.get(0);
  if (v === undefined) return 0;
  v.name = comm();
  v.hits += 1;
  return v.hits;
});
`);
    using collection = loadProbe(artifact);
    expect(runTest(collection, "name")).toBe(1n);
    const bytes = collection.map(artifact.maps.find((m) => m.variable === "names")!.name).lookup(new Uint8Array(4))!;
    const name = new TextDecoder().decode(bytes.subarray(4, 20)).replace(/\0.*$/s, "");
    expect(name.length).toBeGreaterThan(0);
    expect(name).toBe(require("node:fs").readFileSync("/proc/thread-self/comm", "utf8").trim());
  });
});
