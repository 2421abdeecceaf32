import { describe, expect, test } from "bun:test";
import { everyKind } from "./fixtures.ts";
import { BTF_KIND_NAMES, btfKindNumber, isModifierKind, referencedTypeIds } from "./types.ts";

describe("BTF type model", () => {
  test("kind numbers match the kernel's enum", () => {
    expect(btfKindNumber("INT")).toBe(1);
    expect(btfKindNumber("STRUCT")).toBe(4);
    expect(btfKindNumber("FUNC_PROTO")).toBe(13);
    expect(btfKindNumber("DATASEC")).toBe(15);
    expect(btfKindNumber("ENUM64")).toBe(19);
    expect(BTF_KIND_NAMES).toHaveLength(20);
  });

  test("typedefs, qualifiers and type tags are modifiers; pointers are not", () => {
    expect(["TYPEDEF", "VOLATILE", "CONST", "RESTRICT", "TYPE_TAG"].every((k) =>
      isModifierKind(k as never))).toBe(true);
    expect(isModifierKind("PTR")).toBe(false);
    expect(isModifierKind("DECL_TAG")).toBe(false);
  });

  test("referencedTypeIds() lists what each kind points at", () => {
    const refs = everyKind().map(referencedTypeIds);
    expect(refs[0]).toEqual([]); // INT
    expect(refs[2]).toEqual([1, 1]); // ARRAY: element, index
    expect(refs[3]).toEqual([1, 1]); // STRUCT members
    expect(refs[11]).toEqual([1, 2, 0]); // FUNC_PROTO: return, params (0 = ...)
    expect(refs[14]).toEqual([14]); // DATASEC vars
    expect(refs[16]).toEqual([4]); // DECL_TAG
  });
});
