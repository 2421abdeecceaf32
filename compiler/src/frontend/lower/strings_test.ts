/**
 * Tests of the string builtins: `__data_loc char[]` tracepoint fields, and comm() / readUserStr()
 * writing straight into the struct field they initialise (so a record of strings costs its own
 * size on the 512-byte stack, not twice that).
 */
import { describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { compile } from "@ts-bpf/compiler";
import { attachTracepoint, backend } from "@ts-bpf/loader";
import { kernelTest } from "../../../../test/support/gates.ts";
import { compileOk, loadProbe, runTest } from "../../../test/support.ts";

/** sched:sched_process_exec's format on Linux 6.x, pinned so the test runs without tracefs. */
const EXEC_FORMAT = `name: sched_process_exec
ID: 365
format:
\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;
\tfield:unsigned char common_flags;\toffset:2;\tsize:1;\tsigned:0;
\tfield:unsigned char common_preempt_count;\toffset:3;\tsize:1;\tsigned:0;
\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;

\tfield:__data_loc char[] filename;\toffset:8;\tsize:4;\tsigned:0;
\tfield:pid_t pid;\toffset:12;\tsize:4;\tsigned:1;
\tfield:__data_loc u32[] cpus;\toffset:16;\tsize:4;\tsigned:0;
`;

function compilePinned(source: string) {
  return compile({ file: "probe.ts", source,
    tracepointFormat: (name) => (name === "sched:sched_process_exec" ? EXEC_FORMAT : undefined) });
}

const decoder = new TextDecoder();
function cString(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  return decoder.decode(nul < 0 ? bytes : bytes.subarray(0, nul));
}

const EXEC_PROBE = `
import { HashMap, pid, type str, tracepoint, type u32 } from "@ts-bpf/probes";
const paths = new HashMap<u32, str<64>>({ entries: 1024 });
tracepoint("sched:sched_process_exec", (ctx) => {
  paths.set(pid(), ctx.filename);
});
`;

describe("__data_loc strings", () => {
  test("a __data_loc char[] field reads the string at the offset the field holds", () => {
    const result = compile({ file: "probe.ts", source: EXEC_PROBE, dump: ["bpf"],
      tracepointFormat: (name) => (name === "sched:sched_process_exec" ? EXEC_FORMAT : undefined) });
    expect(result.rendered()).toBe("");
    const code = result.dumps.bpf!;
    expect(code).toMatch(/= \*\(u32 \*\)\(r\d \+8\)/); // the field: offset | length << 16
    expect(code).toContain("&= 65535");
    expect(code).toContain("call bpf_probe_read_kernel_str#115");
  });

  test("a __data_loc field that is not a string is refused with TSB2303", () => {
    const result = compilePinned(`
import { HashMap, pid, tracepoint, type u32 } from "@ts-bpf/probes";
const seen = new HashMap<u32, u32>({ entries: 16 });
tracepoint("sched:sched_process_exec", (ctx) => { seen.set(pid(), ctx.cpus); });
`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["TSB2303"]);
    expect(result.rendered()).toContain("'cpus' is a variable-length array (__data_loc u32[] cpus)");
  });

  kernelTest("the path of a program this test runs arrives through sched_process_exec", () => {
    const artifact = compileOk(EXEC_PROBE);
    const collection = loadProbe(artifact);
    try {
      using _link = attachTracepoint(collection.program("sched_process_exec"), "sched:sched_process_exec");
      const child = spawnSync("/bin/true");
      const key = new Uint8Array(4);
      new DataView(key.buffer).setUint32(0, child.pid!, true);
      const value = collection.map("paths").lookup(key);
      expect(value).toHaveLength(64);
      expect(cString(value!)).toBe("/bin/true");
    } finally {
      collection.close();
    }
  });
});

describe("strings written into struct fields", () => {
  test("a record of 480 bytes of strings fits the 512-byte stack", () => {
    const result = compile({ file: "probe.ts", source: `
import { comm, readUserStr, RingBuf, type str, test, type u32 } from "@ts-bpf/probes";
interface Big { pid: u32; name: str<16>; a: str<200>; b: str<256> }
const out = new RingBuf<Big>({ bytes: 4096 });
test("big", (ctx) => {
  out.emit({ pid: 1, name: comm(), a: readUserStr(ctx.arg(0), 200), b: readUserStr(ctx.arg(1), 256) });
  return 0;
});
` });
    expect(result.rendered()).toBe("");
  });

  test("a local initialised with a struct literal uses the literal's memory", () => {
    const result = compile({ file: "probe.ts", source: `
import { readUserStr, RingBuf, type str, test, type u32 } from "@ts-bpf/probes";
interface Line { n: u32; text: str<300> }
const out = new RingBuf<Line>({ bytes: 4096 });
test("line", (ctx) => {
  const line: Line = { n: 1, text: readUserStr(ctx.arg(0), 300) };
  out.emit(line);
  return 0;
});
` });
    expect(result.rendered()).toBe("");
  });

  kernelTest("readUserStr into a smaller field stops at the field's size, NUL included", () => {
    const artifact = compileOk(`
import { ArrayMap, comm, readUserStr, type str, test, type u8 } from "@ts-bpf/probes";
interface Rec { tag: u8; short: str<4>; name: str<16> }
const out = new ArrayMap<Rec>({ entries: 1 });
test("fill", (ctx) => {
  out.set(0, { tag: 7, short: readUserStr(ctx.arg(0), 64), name: comm() });
  return 0;
});
`);
    const collection = loadProbe(artifact);
    const sys = backend();
    const text = sys.alloc(64);
    try {
      text.bytes.set(new TextEncoder().encode("hello, kernel\0"));
      runTest(collection, "fill", [BigInt(text.address)]);
      const value = collection.map("out").lookup(new Uint8Array(4))!;
      expect(value[0]).toBe(7);
      expect([...value.subarray(1, 5)]).toEqual([..."hel"].map((c) => c.charCodeAt(0)).concat(0));
      expect(cString(value.subarray(5, 21))).toBe(readFileSync("/proc/self/comm", "utf8").trim());
    } finally {
      sys.free(text);
      collection.close();
    }
  });
});
