import { describe, expect, test } from "bun:test";
import { BtfBuilder } from "./btf_builder.ts";
import { parseBtf } from "./btf_parser.ts";
import { intType } from "./types.ts";

/** struct task { int pid; union { int a; struct { int b; int c; }; }; unsigned flag:1; } */
function sample() {
  const b = new BtfBuilder();
  const int = b.add(intType("int", 4, "signed"));
  const inner = b.add({ kind: "STRUCT", name: "", size: 8, members: [
    { name: "b", type: int, bitOffset: 0, bitfieldSize: 0 },
    { name: "c", type: int, bitOffset: 32, bitfieldSize: 0 },
  ] });
  const union = b.add({ kind: "UNION", name: "", size: 8, members: [
    { name: "a", type: int, bitOffset: 0, bitfieldSize: 0 },
    { name: "", type: inner, bitOffset: 0, bitfieldSize: 0 },
  ] });
  const task = b.add({ kind: "STRUCT", name: "task", size: 16, members: [
    { name: "pid", type: int, bitOffset: 0, bitfieldSize: 0 },
    { name: "", type: union, bitOffset: 32, bitfieldSize: 0 },
    { name: "flag", type: int, bitOffset: 97, bitfieldSize: 1 },
  ] });
  const constTask = b.add({ kind: "CONST", name: "", type: task });
  const typedef = b.add({ kind: "TYPEDEF", name: "task_t", type: constTask });
  const tagged = b.add({ kind: "TYPE_TAG", name: "rcu", type: typedef, attribute: false });
  const ptr = b.add({ kind: "PTR", name: "", type: tagged });
  const array = b.add({ kind: "ARRAY", name: "", type: typedef, indexType: int, nelems: 3 });
  const variable = b.add({ kind: "VAR", name: "tasks", type: array, linkage: "global" });
  const proto = b.add({ kind: "FUNC_PROTO", name: "", returnType: 0, params: [] });
  const func = b.add({ kind: "FUNC", name: "task", type: proto, linkage: "static" });
  const loopA = b.reserve();
  const loopB = b.add({ kind: "TYPEDEF", name: "loop_b", type: loopA });
  b.define(loopA, { kind: "TYPEDEF", name: "loop_a", type: loopB });
  return { btf: parseBtf(b.encode()), int, task, typedef, tagged, ptr, array, variable, func, loopA };
}

describe("Btf lookups", () => {
  test("typeByName() finds the lowest id, optionally of one kind", () => {
    const { btf, task, func } = sample();
    expect(btf.typeByName("task")?.id).toBe(task);
    expect(btf.typeByName("task", "FUNC")?.id).toBe(func);
    expect(btf.typeByName("task", "FUNC")?.type.linkage).toBe("static");
    expect(btf.typeByName("nothing")).toBeUndefined();
    expect(btf.typesByName("task").map((r) => r.id)).toEqual([task, func]);
  });

  test("typeById() explains void and unknown ids", () => {
    const { btf } = sample();
    expect(() => btf.typeById(0)).toThrow("type id 0 is void");
    expect(() => btf.typeById(500)).toThrow("type id 500 does not exist (ids go from 1 to 14)");
  });

  test("typeOfKind() names the kind it found", () => {
    const { btf, int } = sample();
    expect(() => btf.typeOfKind(int, "STRUCT")).toThrow("type id 1 is INT 'int', expected STRUCT");
  });

  test("resolve() skips typedefs, qualifiers and type tags", () => {
    const { btf, task, tagged, ptr } = sample();
    expect(btf.resolve(tagged)).toBe(task);
    expect(btf.resolve(ptr)).toBe(ptr);
    expect(btf.resolve(0)).toBe(0);
  });

  test("resolve() stops a typedef loop", () => {
    const { btf, loopA } = sample();
    expect(() => btf.resolve(loopA)).toThrow("deeper than 32");
  });

  test("typeSize() follows typedefs, multiplies arrays and sizes pointers as 8", () => {
    const { btf, int, typedef, ptr, array, variable } = sample();
    expect(btf.typeSize(int)).toBe(4);
    expect(btf.typeSize(typedef)).toBe(16);
    expect(btf.typeSize(ptr)).toBe(8);
    expect(btf.typeSize(array)).toBe(48);
    expect(btf.typeSize(variable)).toBe(48);
  });

  test("typeSize() refuses void and functions", () => {
    const { btf, func } = sample();
    expect(() => btf.typeSize(0)).toThrow("void has no size");
    expect(() => btf.typeSize(func)).toThrow("is FUNC 'task', which has no size");
  });

  test("findMember() looks inside anonymous unions and structs", () => {
    const { btf, task, int } = sample();
    expect(btf.findMember(task, "pid")).toEqual({ name: "pid", type: int, bitOffset: 0, bitfieldSize: 0 });
    expect(btf.findMember(task, "a")?.bitOffset).toBe(32);
    expect(btf.findMember(task, "c")?.bitOffset).toBe(64);
    expect(btf.findMember(task, "flag")?.bitfieldSize).toBe(1);
    expect(btf.findMember(task, "missing")).toBeUndefined();
  });

  test("memberOffset() gives bytes through typedefs and explains failures", () => {
    const { btf, typedef } = sample();
    expect(btf.memberOffset(typedef, "c")).toBe(8);
    expect(btf.memberOffset(typedef, ["a"])).toBe(4);
    expect(() => btf.memberOffset(typedef, "nope")).toThrow("struct 'task' (type id 6) has no member 'nope'");
    expect(() => btf.memberOffset(typedef, "flag")).toThrow("'flag' is a bitfield at bit 97");
  });

  test("findMember() follows a dotted path and rejects stepping into a non-struct", () => {
    const { btf, task } = sample();
    expect(() => btf.findMember(task, "pid.x")).toThrow("type id 1 is INT 'int', not a struct or union");
  });
});
