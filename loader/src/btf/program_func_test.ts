import { describe, expect, test } from "bun:test";
import { BtfBuilder } from "./btf_builder.ts";
import { parseBtf } from "./btf_parser.ts";
import { addProgramFunc } from "./program_func.ts";
import { intType } from "./types.ts";

describe("addProgramFunc", () => {
  test("adds int name(void *ctx) with global linkage", () => {
    const b = new BtfBuilder();
    const id = addProgramFunc(b, "on_openat");
    const btf = parseBtf(b.encode());
    const func = btf.typeOfKind(id, "FUNC");
    expect(func.name).toBe("on_openat");
    expect(func.linkage).toBe("global");
    const proto = btf.typeOfKind(func.type, "FUNC_PROTO");
    expect(btf.typeById(proto.returnType)).toEqual(intType("int", 4, "signed"));
    expect(proto.params).toHaveLength(1);
    expect(proto.params[0]!.name).toBe("ctx");
    expect(btf.typeById(proto.params[0]!.type)).toEqual({ kind: "PTR", name: "", type: 0 });
  });

  test("shares int, void * and the prototype between programs", () => {
    const b = new BtfBuilder();
    const first = addProgramFunc(b, "a");
    const second = addProgramFunc(b, "b");
    expect(second).toBe(first + 1);
    expect(b.typeById(first)).toEqual({ kind: "FUNC", name: "a", type: 3, linkage: "global" });
    expect(b.typeById(second)).toEqual({ kind: "FUNC", name: "b", type: 3, linkage: "global" });
  });

  test("takes a signature and linkage for subprograms", () => {
    const b = new BtfBuilder();
    const long = b.add(intType("long", 8, "signed"));
    const id = addProgramFunc(b, "helper", { returnType: long, linkage: "static",
      params: [{ name: "x", type: long }, { name: "y", type: long }] });
    const btf = parseBtf(b.encode());
    const proto = btf.typeOfKind(btf.typeOfKind(id, "FUNC").type, "FUNC_PROTO");
    expect(proto).toEqual({ kind: "FUNC_PROTO", name: "", returnType: long,
      params: [{ name: "x", type: long }, { name: "y", type: long }] });
    expect(btf.typeOfKind(id, "FUNC").linkage).toBe("static");
  });
});
