/**
 * Spilling, proven in the kernel: probes that keep more values alive than eBPF has registers,
 * or more across helper calls than it has callee-saved registers, compile to code with spill
 * stores and reloads, pass the verifier, and compute what the DSL says (BPF_PROG_TEST_RUN).
 */
import { describe, expect } from "bun:test";
import { compile } from "@ts-bpf/compiler";
import { kernelTest } from "../../../test/support/gates.ts";
import { compileOk, loadProbe, runTest, tracefsFormat } from "../../test/support.ts";

const NAMES = "abcdefghijkl".split("");

/** Twelve values computed first and read in reverse order: all twelve are live at once. */
const TWELVE_LIVE = `
import { test } from "@ts-bpf/probes";
test("twelve live values", (ctx) => {
${NAMES.map((n, i) => `  const ${n} = ctx.arg(${i}) * ${2 * i + 3};`).join("\n")}
  return ${[...NAMES].reverse().join(" - ")};
});`;

/** Six values live across two helper calls: only r6–r9 survive a call. */
const ACROSS_CALLS = `
import { ktimeNs, test, type u64 } from "@ts-bpf/probes";
test("six values across calls", (ctx) => {
${NAMES.slice(0, 6).map((n, i) => `  const ${n} = ctx.arg(${i}) + ${i + 1};`).join("\n")}
  const t1 = ktimeNs();
  const t2 = ktimeNs();
  const g: u64 = t2 >= t1 ? 1 : 0;
  return a + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g;
});`;

/** A map value pointer kept, with five other values, across a call. */
const POINTER_ACROSS_CALL = `
import { HashMap, ktimeNs, test, type u32, type u64 } from "@ts-bpf/probes";
const m = new HashMap<u32, u64>({ entries: 4 });
test("pointer across a call", (ctx) => {
  m.set(1, ctx.arg(5));
  const p = m.get(1);
  if (p === undefined) return 1000;
${NAMES.slice(0, 5).map((n, i) => `  const ${n} = ctx.arg(${i}) + ${i + 1};`).join("\n")}
  const t = ktimeNs();
  const late: u64 = t > 0 ? 0 : 1;
  return p + a * 3 + b * 5 + c * 7 + d * 11 + e * 13 + late;
});`;

const mask64 = (v: bigint) => BigInt.asUintN(64, v);
const low32 = (v: bigint) => BigInt.asUintN(32, v);
const ARGS = [0x1234_5678_9abcn, 77n, 0xffff_ffff_ffffn, 3n, 0x8000_0000n, 12345n, 9n, 0n, 1n << 40n,
  555n, 0xdead_beefn, 42n];

/** The disassembly of a probe's programs, one instruction per line. */
function code(source: string): string[] {
  const result = compile({ file: "spill.ts", source, tracepointFormat: tracefsFormat, dump: ["bpf"] });
  if (!result.artifact) throw new Error(result.rendered());
  return result.dumps.bpf!.split("\n").flatMap((l) => /^\s*\d+: (.*)$/.exec(l)?.[1] ?? []);
}

/** Whether the code stores a register to the stack and later loads it back. */
function spills(lines: string[]): boolean {
  const stored = new Set<string>();
  for (const line of lines) {
    const store = /^\*\(u64 \*\)\(r10 (-\d+)\) = r\d$/.exec(line);
    if (store) stored.add(store[1]!);
    const load = /^r\d = \*\(u64 \*\)\(r10 (-\d+)\)$/.exec(line);
    if (load && stored.has(load[1]!)) return true;
  }
  return false;
}

describe("spilling", () => {
  kernelTest("twelve simultaneously live values spill and compute the right result", () => {
    expect(spills(code(TWELVE_LIVE))).toBe(true);
    using probe = loadProbe(compileOk(TWELVE_LIVE));
    const values = NAMES.map((_, i) => mask64(ARGS[i]! * BigInt(2 * i + 3)));
    const expected = values.reduceRight((acc, v, i) => (i === values.length - 1 ? v : mask64(acc - v)), 0n);
    expect(runTest(probe, "twelve_live_values", ARGS)).toBe(low32(expected));
  });

  kernelTest("values live across helper calls beyond r6–r9 spill and survive the calls", () => {
    expect(spills(code(ACROSS_CALLS))).toBe(true);
    using probe = loadProbe(compileOk(ACROSS_CALLS));
    const values = ARGS.slice(0, 6).map((a, i) => mask64(a + BigInt(i + 1)));
    const expected = values.reduce((acc, v, i) => mask64(acc + v * BigInt(i + 1)), 1n);
    expect(runTest(probe, "six_values_across_calls", ARGS)).toBe(low32(expected));
  });

  kernelTest("a spilled map value pointer still passes the verifier and reads the entry", () => {
    expect(spills(code(POINTER_ACROSS_CALL))).toBe(true);
    using probe = loadProbe(compileOk(POINTER_ACROSS_CALL));
    const weights = [3n, 5n, 7n, 11n, 13n];
    const expected = ARGS.slice(0, 5).reduce((acc, a, i) => mask64(acc + mask64(a + BigInt(i + 1)) * weights[i]!),
      ARGS[5]!);
    expect(runTest(probe, "pointer_across_a_call", ARGS)).toBe(low32(expected));
  });
});
