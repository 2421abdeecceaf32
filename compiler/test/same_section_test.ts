/**
 * Two handlers on one attach point share an ELF section, as clang lays them out: both load,
 * with their own line info.
 */
import { describe, expect } from "bun:test";
import { kernelTest } from "../../test/support/gates.ts";
import { compileOk, loadProbe, runTest } from "./support.ts";

const SOURCE = `import { Count, test, tracepoint } from "@ts-bpf/probes";
const a = new Count();
tracepoint("syscalls:sys_enter_getppid", () => { a.increment(); });
tracepoint("syscalls:sys_enter_getppid", () => { a.increment(); });
test("one", () => 1);
test("two", () => 2);
`;

describe("programs sharing a section", () => {
  kernelTest("two handlers on one tracepoint and two tests compile and load", () => {
    const artifact = compileOk(SOURCE);
    expect(artifact.programs.map((p) => p.name)).toEqual([
      "sys_enter_getppid", "sys_enter_getppid_2", "one", "two",
    ]);
    expect(artifact.programs[0]!.section).toBe(artifact.programs[1]!.section);
    using probe = loadProbe(artifact);
    expect(runTest(probe, "one")).toBe(1n);
    expect(runTest(probe, "two")).toBe(2n);
    expect(probe.program("sys_enter_getppid_2").info().xlatedBytes).toBeGreaterThan(0);
  });
});
