/** Parses the running kernel's BTF: the real-world input the loader depends on. */
import { describe, expect, test } from "bun:test";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { testIf } from "../../../test/support/gates.ts";
import { BtfBuilder } from "./btf_builder.ts";
import { parseBtf } from "./btf_parser.ts";
import { intType } from "./types.ts";

const VMLINUX = "/sys/kernel/btf/vmlinux";
const hasVmlinux = existsSync(VMLINUX);
const vmlinuxTest = testIf(hasVmlinux, `needs ${VMLINUX} (a kernel with CONFIG_DEBUG_INFO_BTF)`);
const load = (() => {
  let cached: ReturnType<typeof parseBtf> | undefined;
  return () => cached ??= parseBtf(readFileSync(VMLINUX));
})();

describe("vmlinux BTF", () => {
  vmlinuxTest("parses in well under a second", () => {
    const bytes = readFileSync(VMLINUX);
    const start = performance.now();
    const btf = parseBtf(bytes);
    const parsed = performance.now() - start;
    btf.typeByName("task_struct");
    const indexed = performance.now() - start - parsed;
    console.log(`vmlinux BTF: ${bytes.length} bytes, ${btf.types.length} types, parsed in ` +
      `${parsed.toFixed(0)} ms, name index in ${indexed.toFixed(0)} ms`);
    expect(btf.types.length).toBeGreaterThan(10000);
    expect(parsed).toBeLessThan(1000);
  });

  vmlinuxTest("finds struct task_struct and the offset of its pid", () => {
    const btf = load();
    const task = btf.typeByName("task_struct", "STRUCT");
    expect(task).toBeDefined();
    const pid = btf.findMember(task!.id, "pid")!;
    expect(pid).toBeDefined();
    const offset = btf.memberOffset(task!.id, "pid");
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(task!.type.size);
    const pidType = btf.typeById(btf.resolve(pid.type));
    expect(pidType).toEqual(intType("int", 4, "signed"));
    expect(btf.typeSize(pid.type)).toBe(4);
  });

  vmlinuxTest("finds struct trace_event_raw_sys_enter with id and args", () => {
    const btf = load();
    const sysEnter = btf.typeByName("trace_event_raw_sys_enter", "STRUCT")!;
    expect(sysEnter).toBeDefined();
    expect(sysEnter.type.members.map((m) => m.name)).toContain("args");
    expect(btf.memberOffset(sysEnter.id, "ent")).toBe(0);
    expect(btf.memberOffset(sysEnter.id, "id")).toBe(8);
    expect(btf.memberOffset(sysEnter.id, "args")).toBe(16);
    expect(btf.typeSize(btf.findMember(sysEnter.id, "args")!.type)).toBe(48);
    expect(btf.memberOffset(sysEnter.id, "ent.type")).toBe(0);
  });

  vmlinuxTest("re-encodes every vmlinux type with the builder and reads the same types back", () => {
    const btf = load();
    const b = new BtfBuilder();
    for (const t of btf.types) b.add(t);
    const again = parseBtf(b.encode());
    expect(again.types.length).toBe(btf.types.length);
    expect(again.types).toEqual(btf.types);
  }, 30000);
});

const modules = hasVmlinux
  ? readdirSync("/sys/kernel/btf").filter((name) => name !== "vmlinux").sort()
  : [];
if (modules.length === 0) console.warn("skipping module BTF test: no module BTF in /sys/kernel/btf");

describe("module BTF", () => {
  test.skipIf(modules.length === 0)("parses a module's split BTF on top of vmlinux", () => {
    const base = load();
    const module = parseBtf(readFileSync(`/sys/kernel/btf/${modules[0]}`), { base });
    expect(module.firstId).toBe(base.nextId);
    for (const t of module.types.slice(0, 200)) expect(typeof t.name).toBe("string");
  });
});
