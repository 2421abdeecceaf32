import { describe, expect, test } from "bun:test";
import * as btf from "./mod.ts";

describe("btf public API", () => {
  test("mod.ts exports the builder, parser, .BTF.ext and map helpers", () => {
    for (const name of ["BtfBuilder", "parseBtf", "Btf", "BtfError", "encodeBtfExt", "decodeBtfExt",
      "progLoadFuncInfo", "progLoadLineInfo", "addMapDefinitions", "decodeMapDefinitions",
      "addProgramFunc", "StringTable", "StringTableBuilder", "decodeBtfHeader", "btfKindNumber"]) {
      expect(typeof (btf as Record<string, unknown>)[name]).toBe("function");
    }
  });

  test("a program's BTF can be built and read back through mod.ts alone", () => {
    const b = new btf.BtfBuilder();
    const func = btf.addProgramFunc(b, "main");
    const parsed = btf.parseBtf(b.encode());
    expect(parsed.typeByName("main", "FUNC")?.id).toBe(func);
  });
});
