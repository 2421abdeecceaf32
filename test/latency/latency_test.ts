/**
 * `tsbpf latency` end to end: builds real programs with the machine's toolchains (C with a
 * shared library, C++ with namespaces, templates and overloads, Rust with generics, trait
 * methods, closures and recursion on 4 threads, 220 C functions at once), attaches the
 * function-latency probe, runs them, and checks every function's call count against the count
 * the program prints, and that a known busy-wait or sleep falls inside the measured buckets.
 * Uprobes cost ~16 µs per hit here, so each run stays at a few thousand calls.
 */
import { describe, expect, test } from "bun:test";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { latency } from "@ts-bpf/runtime";
import { withTool } from "../support/gates.ts";

const PROGRAMS = join(import.meta.dir, "programs");

const cTest = withTool("gcc");
const cppTest = withTool("g++");
const rustTest = withTool("rustc");

interface Measured {
  /** Calls per reported name (names normalized by `normalize`). */
  calls: Map<string, bigint>;
  /** Buckets per reported name, summed. */
  buckets: Map<string, bigint[]>;
  /** "name\tcount" lines the program printed. */
  printed: Map<string, bigint>;
  dropped: latency.DroppedReturns;
  attached: number;
}

/** Attaches to `patterns` in `binary`, runs it with `args`, and reads what was measured. */
function measure(binary: string, patterns: string[], args: string[], normalize = (n: string) => n,
  options: latency.LatencySessionOptions = {}): Measured {
  const selection = latency.matchFunctions(latency.readCatalog({ binary }), patterns);
  using session = latency.LatencySession.start(selection.functions, options);
  const run = spawnSync(binary, args, { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${binary} failed: ${run.stderr}`);
  session.detach();
  const calls = new Map<string, bigint>();
  const buckets = new Map<string, bigint[]>();
  for (const h of session.histograms()) {
    const name = normalize(h.function.name);
    calls.set(name, (calls.get(name) ?? 0n) + latency.latencyFigures(h.buckets).calls);
    const sum = buckets.get(name) ?? new Array<bigint>(65).fill(0n);
    h.buckets.forEach((b, i) => sum[i]! += b);
    buckets.set(name, sum);
  }
  const printed = new Map<string, bigint>();
  for (const line of run.stdout.trim().split("\n")) {
    const [name, count] = line.split(/\t| (?=\d+$)/);
    if (name && count && name !== "sum" && name !== "total") printed.set(name, BigInt(count));
  }
  return { calls, buckets, printed, dropped: session.dropped(), attached: selection.functions.length };
}

/** Checks that the measured durations bracket `ns`: no call shorter, the median within 4×. */
function expectBrackets(buckets: bigint[] | undefined, ns: number): void {
  expect(buckets).toBeDefined();
  const lowest = buckets!.findIndex((b) => b > 0n);
  // Every call took at least `ns`: the lowest occupied bucket reaches above it.
  expect(latency.bucketRange(lowest)[1]).toBeGreaterThan(ns);
  const p50 = latency.quantile(buckets!, 0.5);
  expect(p50).toBeGreaterThanOrEqual(ns / 2);
  expect(p50).toBeLessThan(ns * 4);
}

function expectCountsMatch(m: Measured): void {
  expect(m.printed.size).toBeGreaterThan(0);
  for (const [name, count] of m.printed) {
    expect(`${name}: ${m.calls.get(name)}`).toBe(`${name}: ${count}`);
  }
  expect(m.dropped).toEqual({ noEntry: 0n, otherFunction: 0n, tooDeep: 0n });
}

describe("tsbpf latency on real programs", () => {
  const dir = mkdtempSync(join(tmpdir(), "tsbpf-latency-"));

  for (const multi of [true, false]) {
    const how = multi ? "uprobe-multi links" : "one perf-event uprobe per function";
    cTest(`counts every call of a C program and of its shared library, and times a 100 µs busy-wait (${how})`, () => {
      execFileSync("gcc", ["-O2", "-g", "-shared", "-fPIC", "-o", join(dir, "libwork.so"), join(PROGRAMS, "c_work.c")]);
      execFileSync("gcc", ["-O2", "-g", "-o", join(dir, "cprog"), join(PROGRAMS, "c_main.c"), `-L${dir}`, "-lwork",
        "-Wl,-rpath,$ORIGIN"]);
      const m = measure(join(dir, "cprog"), ["handle_*", "work_*"], ["3000"], undefined, { multi });
      expect(m.attached).toBe(4);
      expectCountsMatch(m);
      expectBrackets(m.buckets.get("work_spin_ns"), 100_000);
      expectBrackets(m.buckets.get("handle_sleep"), 2_000_000);
    }, 60_000);
  }

  cppTest("counts C++ template instances and overloads separately, by demangled name", () => {
    execFileSync("g++", ["-O2", "-g", "-o", join(dir, "cppprog"), join(PROGRAMS, "cpp_main.cpp")]);
    // The program prints names without parameters for templates and with them for overloads.
    const short = (n: string) => n.startsWith("shapes::detail::") ? latency.withoutParameters(n) : n;
    const m = measure(join(dir, "cppprog"), ["shapes::*"], ["2000"], short);
    expectCountsMatch(m);
    expectBrackets(m.buckets.get("shapes::spin(int)"), 200_000);
  }, 60_000);

  for (const mangling of ["legacy", "v0"]) {
    rustTest(`counts Rust generics, trait methods, closures and recursion on 4 threads (${mangling} mangling)`, () => {
      const binary = join(dir, `rustprog_${mangling}`);
      // Legacy is rustc's default (asking for it by name needs -Z unstable-options).
      const flags = mangling === "v0" ? ["-C", "symbol-mangling-version=v0"] : [];
      execFileSync("rustc", ["-g", ...flags, "-o", binary,
        join(PROGRAMS, "rust_main.rs")]);
      // v0 names carry generic arguments and numbered closures; the program prints legacy-style names.
      const normalize = (n: string) => n.replace(/::<[^:]*>/g, "").replace(/\{closure#\d+\}/g, "{{closure}}");
      const m = measure(binary, ["rust_main::*", "<rust_main::*"], ["400"], normalize);
      expectCountsMatch(m);
      expectBrackets(m.buckets.get("rust_main::spin"), 300_000);
    }, 120_000);
  }

  for (const multi of [true, false]) {
    cppTest(`with --at-returns, C++ exceptions unwind through probed functions and each call is paired (${multi ? "uprobe-multi" : "single uprobes"})`, () => {
      // With uretprobes this program aborts (std::terminate): the unwinder cannot follow the
      // return addresses uretprobes put on the stack.
      const binary = join(dir, "cppexc");
      execFileSync("g++", ["-O2", "-o", binary, join(PROGRAMS, "cpp_exceptions.cpp")]);
      const selection = latency.matchFunctions(latency.readCatalog({ binary }), ["catcher", "middle", "thrower"]);
      expect(selection.warnings.join("\n")).toContain("has exception tables");
      const m = measure(binary, ["catcher", "middle", "thrower"], [], undefined, { multi, atReturns: true });
      expect(m.printed.size).toBe(3);
      for (const [name, count] of m.printed) expect(`${name}: ${m.calls.get(name)}`).toBe(`${name}: ${count}`);
      // 100 throws each left a frame of middle and of thrower that never returned.
      expect(m.dropped).toEqual({ noEntry: 0n, otherFunction: 200n, tooDeep: 0n });
    }, 60_000);
  }

  cTest("attaches to 220 functions in one run and counts each", () => {
    const n = 220;
    const source = [
      "#include <stdio.h>",
      ...Array.from({ length: n }, (_, i) => `__attribute__((noinline)) int f_${i}(int x) { asm volatile(""); return x + ${i}; }`),
      "int main(void) { int s = 0;",
      "  for (int r = 0; r < 5; r++) {",
      ...Array.from({ length: n }, (_, i) => `    s += f_${i}(r);`),
      "  }",
      ...Array.from({ length: n }, (_, i) => `  printf("f_${i} 5\\n");`),
      "  return s == 0; }",
    ].join("\n");
    writeFileSync(join(dir, "many.c"), source);
    execFileSync("gcc", ["-O1", "-o", join(dir, "many"), join(dir, "many.c")]);
    const m = measure(join(dir, "many"), ["f_*"], []);
    expect(m.attached).toBe(n);
    expect(m.printed.size).toBe(n);
    expectCountsMatch(m);
  }, 60_000);

  cTest("a stripped binary says what is missing instead of matching nothing silently", () => {
    execFileSync("gcc", ["-O2", "-o", join(dir, "stripped"), join(PROGRAMS, "c_main.c"), join(PROGRAMS, "c_work.c")]);
    execFileSync("strip", [join(dir, "stripped")]);
    const selection = latency.matchFunctions(latency.readCatalog({ binary: join(dir, "stripped") }), ["handle_*"]);
    expect(selection.functions).toHaveLength(0);
    expect(selection.patterns[0]!.notes.join("\n")).toMatch(/stripped \(no \.symtab\)/);
  }, 60_000);

  cTest("refuses to attach when the binary was rebuilt after its symbols were read", () => {
    const binary = join(dir, "rebuilt");
    execFileSync("gcc", ["-O2", "-o", binary, join(PROGRAMS, "c_main.c"), join(PROGRAMS, "c_work.c")]);
    const selection = latency.matchFunctions(latency.readCatalog({ binary }), ["handle_*"]);
    execFileSync("gcc", ["-O0", "-o", binary, join(PROGRAMS, "c_main.c"), join(PROGRAMS, "c_work.c")]);
    expect(() => latency.LatencySession.start(selection.functions)).toThrow("the file changed since its symbols were read");
  }, 60_000);

  cTest("a Go binary is refused by name instead of getting uretprobes", () => {
    // A C program with Go's build-info section is enough to be recognised as Go.
    const binary = join(dir, "gobin");
    execFileSync("gcc", ["-O2", "-o", binary, join(PROGRAMS, "c_main.c"), join(PROGRAMS, "c_work.c")]);
    writeFileSync(join(dir, "buildinfo"), "\xff Go buildinf:");
    execFileSync("objcopy", ["--add-section", `.go.buildinfo=${join(dir, "buildinfo")}`, binary]);
    const selection = latency.matchFunctions(latency.readCatalog({ binary }), ["handle_*"]);
    expect(selection.functions).toHaveLength(0);
    expect(selection.patterns[0]!.notes).toEqual(["gobin is a Go binary: uretprobes corrupt Go's moving " +
      "stacks, and attaching at its return instructions is not implemented yet, so it is not probed"]);
  }, 60_000);
});

test("tsbpf latency's probe compiles to one entry and one return program sharing its maps", () => {
  const artifact = latency.latencyArtifact();
  expect(artifact.programs.map((p) => p.attach.kind)).toEqual(["uprobe", "uretprobe"]);
  expect(artifact.maps.map((m) => m.variable)).toEqual(["depths", "frames", "durations", "dropped"]);
});
