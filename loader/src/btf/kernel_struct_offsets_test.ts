/** Kernel struct offsets from the running kernel's BTF, and what a wrong name is told. */
import { describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { testIf } from "../../../test/support/gates.ts";
import { kernelStructOffsets } from "./kernel_struct_offsets.ts";

const VMLINUX = "/sys/kernel/btf/vmlinux";
const vmlinuxTest = testIf(existsSync(VMLINUX), `needs ${VMLINUX} (a kernel with CONFIG_DEBUG_INFO_BTF)`);

describe("kernelStructOffsets()", () => {
  const offsets = kernelStructOffsets();

  vmlinuxTest("gives task_struct's pid and tgid, next to each other as C declares them", () => {
    const pid = offsets.memberOffset("task_struct", "pid");
    expect(pid).toBeGreaterThan(0);
    expect(offsets.memberOffset("task_struct", "tgid")).toBe(pid + 4);
  });

  vmlinuxTest("looks into anonymous unions, and follows dotted paths through named members", () => {
    // skc_dport sits in an anonymous struct inside an anonymous union of struct sock_common,
    // and struct sock begins with its sock_common.
    const dport = offsets.memberOffset("sock_common", "skc_dport");
    expect(offsets.memberOffset("sock_common", "skc_daddr")).toBe(0);
    expect(dport).toBeGreaterThan(0);
    expect(offsets.memberOffset("sock", "__sk_common.skc_dport")).toBe(dport);
  });

  vmlinuxTest("says which struct or member is missing", () => {
    expect(() => offsets.memberOffset("task_structt", "pid")).toThrow("the kernel has no struct or union named 'task_structt'");
    expect(() => offsets.memberOffset("task_struct", "pidd")).toThrow(/struct 'task_struct' \(type id \d+\) has no member 'pidd'/);
  });

  test("says which BTF file it could not read", () => {
    expect(() => kernelStructOffsets("/nonexistent/vmlinux").memberOffset("task_struct", "pid"))
      .toThrow("cannot read the kernel's BTF from /nonexistent/vmlinux");
  });
});
