import { describe, expect, test } from "bun:test";
import { kernelTest } from "../../../test/support/gates.ts";
import { kernelFacts, parseKernelVersion } from "./facts.ts";

describe("kernel facts", () => {
  test("parseKernelVersion() reads distribution suffixes", () => {
    expect(parseKernelVersion("6.18.44-fc-v657")).toEqual([6, 18, 44]);
    expect(parseKernelVersion("5.15")).toEqual([5, 15, 0]);
    expect(parseKernelVersion("weird")).toEqual([0, 0, 0]);
  });

  kernelTest("kernelFacts() sees BTF, tracefs and root's capabilities", () => {
    const facts = kernelFacts();
    expect(facts.version[0]).toBeGreaterThanOrEqual(5);
    expect(facts.vmlinuxBtf).toBe(true);
    expect(facts.tracefs).toBeDefined();
    expect(facts.capabilities.CAP_BPF).toBe(true);
    expect(facts.capabilities.CAP_PERFMON).toBe(true);
  });
});
