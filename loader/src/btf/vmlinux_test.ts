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

describe("module BTF", () => {
  // A kernel built without modules has no module BTF to read; then the test builds split BTF
  // the way a module's is built (types numbered after vmlinux's, referring to its types).
  testIf(hasVmlinux, "needs /sys/kernel/btf/vmlinux")("parses split BTF on top of vmlinux", () => {
    const base = load();
    let bytes: Uint8Array;
    if (modules.length > 0) {
      bytes = readFileSync(`/sys/kernel/btf/${modules[0]}`);
    } else {
      const task = base.typeByName("task_struct", "STRUCT")!.id;
      const b = new BtfBuilder({ base });
      const ptr = b.add({ kind: "PTR", name: "", type: task });
      b.add({ kind: "STRUCT", name: "module_thing", size: 8,
        members: [{ name: "owner", type: ptr, bitOffset: 0, bitfieldSize: 0 }] });
      bytes = b.encode();
    }
    const module = parseBtf(bytes, { base });
    expect(module.firstId).toBe(base.nextId);
    for (const t of module.types.slice(0, 200)) expect(typeof t.name).toBe("string");
    if (modules.length === 0) {
      const thing = module.typeByName("module_thing", "STRUCT")!;
      const member = module.findMember(thing.id, "owner")!;
      const pointee = module.typeById((module.typeById(member.type) as { type: number }).type);
      expect(pointee.name).toBe("task_struct");
    }
  });
});
