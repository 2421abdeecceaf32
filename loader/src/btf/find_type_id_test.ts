/** findTypeId() against the full parser, on the running kernel's BTF. */
import { expect } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { testIf } from "../../../test/support/gates.ts";
import { findTypeId } from "./find_type_id.ts";
import { parseBtf } from "./btf_parser.ts";

const VMLINUX = "/sys/kernel/btf/vmlinux";
const vmlinuxTest = testIf(existsSync(VMLINUX), `needs ${VMLINUX} (a kernel with CONFIG_DEBUG_INFO_BTF)`);

vmlinuxTest("finds the btf_trace_ typedefs tp_btf programs attach to, with the parser's ids", () => {
  const bytes = readFileSync(VMLINUX);
  const btf = parseBtf(bytes);
  for (const name of ["btf_trace_sys_exit", "btf_trace_sched_switch", "btf_trace_sys_enter"]) {
    const id = findTypeId(bytes, name, "TYPEDEF");
    expect(id).toBeDefined();
    expect(id).toBe(btf.typeByName(name, "TYPEDEF")!.id);
  }
  expect(findTypeId(bytes, "btf_trace_no_such_tracepoint", "TYPEDEF")).toBeUndefined();
  // A name that exists, of another kind.
  expect(findTypeId(bytes, "task_struct", "TYPEDEF")).toBeUndefined();
});
