import { describe, expect, test } from "bun:test";
import { BtfBuilder } from "./btf_builder.ts";
import { BtfError } from "./btf_error.ts";
import { parseBtf } from "./btf_parser.ts";
import { everyKind } from "./fixtures.ts";
import { intType } from "./types.ts";

describe("BtfBuilder", () => {
  test("add() returns consecutive ids starting at 1", () => {
    const b = new BtfBuilder();
    expect(b.nextId).toBe(1);
    expect(b.add(intType("int", 4, "signed"))).toBe(1);
    expect(b.add({ kind: "PTR", name: "", type: 1 })).toBe(2);
    expect(b.nextId).toBe(3);
  });

  test("every kind survives encode and parse unchanged", () => {
    const b = new BtfBuilder();
    const types = everyKind();
    for (const t of types) b.add(t);
    const btf = parseBtf(b.encode());
    expect(btf.types).toHaveLength(19);
    expect(btf.types.map((t) => t.kind)).toEqual([
      "INT", "PTR", "ARRAY", "STRUCT", "UNION", "ENUM", "FWD", "TYPEDEF", "VOLATILE", "CONST",
      "RESTRICT", "FUNC_PROTO", "FUNC", "VAR", "DATASEC", "FLOAT", "DECL_TAG", "TYPE_TAG", "ENUM64",
    ]);
    expect(btf.types).toEqual(types);
  });

  test("signed ENUM64 values and unsigned ENUM values survive", () => {
    const b = new BtfBuilder();
    b.add({ kind: "ENUM64", name: "s", size: 8, signed: true, values: [{ name: "NEG", value: -5n }] });
    b.add({ kind: "ENUM", name: "u", size: 4, signed: false, values: [{ name: "TOP", value: 0xffffffff }] });
    const btf = parseBtf(b.encode());
    expect(btf.types[0]).toEqual({ kind: "ENUM64", name: "s", size: 8, signed: true, values: [{ name: "NEG", value: -5n }] });
    expect(btf.types[1]).toEqual({ kind: "ENUM", name: "u", size: 4, signed: false, values: [{ name: "TOP", value: 0xffffffff }] });
  });

  test("encodes a known header and records byte for byte", () => {
    const b = new BtfBuilder();
    b.add(intType("int", 4, "signed"));
    b.add({ kind: "PTR", name: "", type: 1 });
    expect(Array.from(b.encode())).toEqual([
      0x9f, 0xeb, 1, 0, 24, 0, 0, 0, // magic 0xeB9F (LE), version 1, flags 0, hdr_len 24
      0, 0, 0, 0, 28, 0, 0, 0, // type_off 0, type_len 28
      28, 0, 0, 0, 5, 0, 0, 0, // str_off 28, str_len 5
      1, 0, 0, 0, 0, 0, 0, 1, 4, 0, 0, 0, 32, 0, 0, 1, // INT "int": name 1, kind 1, size 4, SIGNED, 32 bits
      0, 0, 0, 0, 0, 0, 0, 2, 1, 0, 0, 0, // PTR to 1
      0, 0x69, 0x6e, 0x74, 0, // "\0int\0"
    ]);
  });

  test("encode() is deterministic for the same calls", () => {
    const build = () => {
      const b = new BtfBuilder();
      for (const t of everyKind()) b.add(t);
      return b.encode();
    };
    expect(build()).toEqual(build());
  });

  test("writes the struct kind flag and packed offsets only when a member is a bitfield", () => {
    const b = new BtfBuilder();
    b.add(intType("int", 4, "signed"));
    b.add({ kind: "STRUCT", name: "flags", size: 4, members: [
      { name: "a", type: 1, bitOffset: 4, bitfieldSize: 3 },
    ] });
    const bytes = b.encode();
    const view = new DataView(bytes.buffer);
    const record = 24 + 16;
    expect(view.getUint32(record + 4, true)).toBe(0x84000001); // kind_flag | STRUCT | vlen 1
    expect(view.getUint32(record + 12 + 8, true)).toBe(3 << 24 | 4);
  });

  test("intern() returns the earlier id for an identical type", () => {
    const b = new BtfBuilder();
    const int = intType("int", 4, "signed");
    expect(b.intern(int)).toBe(1);
    expect(b.intern({ ...int })).toBe(1);
    expect(b.intern({ ...int, name: "long", size: 8, bits: 64 })).toBe(2);
    expect(b.add(int)).toBe(3);
  });

  test("reserve() and define() allow a struct that points to itself", () => {
    const b = new BtfBuilder();
    const node = b.reserve();
    const ptr = b.add({ kind: "PTR", name: "", type: node });
    b.define(node, { kind: "STRUCT", name: "node", size: 8, members: [
      { name: "next", type: ptr, bitOffset: 0, bitfieldSize: 0 },
    ] });
    const btf = parseBtf(b.encode());
    expect(btf.typeById(1).name).toBe("node");
    expect(btf.typeById(2)).toEqual({ kind: "PTR", name: "", type: 1 });
  });

  test("encode() names a reserved id that was never defined", () => {
    const b = new BtfBuilder();
    b.reserve();
    expect(() => b.encode()).toThrow("type id 1 was reserved but never defined");
  });

  test("encode() rejects a reference to a type id that does not exist", () => {
    const b = new BtfBuilder();
    b.add({ kind: "PTR", name: "", type: 7 });
    expect(() => b.encode()).toThrow("refers to type id 7, but the last type id is 1");
  });

  test("add() rejects fields that do not fit their encoding", () => {
    const b = new BtfBuilder();
    expect(() => b.add({ kind: "FLOAT", name: "f", size: -1 })).toThrow("size -1 is not an integer");
    expect(() => b.add({ kind: "INT", name: "i", size: 4, encoding: "signed", bitOffset: 0, bits: 300 }))
      .toThrow(BtfError);
    expect(() => b.add({ kind: "ENUM", name: "e", size: 4, signed: false, values: [{ name: "X", value: 2 ** 33 }] }))
      .toThrow("does not fit in 32 bits");
    expect(() => b.add({ kind: "FUNC", name: "f", type: 1, linkage: "weak" as never })).toThrow("unknown linkage");
    expect(() => b.add({ kind: "NOPE" } as never)).toThrow("unknown kind");
  });

  test("addString() shares the string section with type names", () => {
    const b = new BtfBuilder();
    b.add(intType("int", 4, "signed"));
    expect(b.addString("int")).toBe(1);
    const off = b.addString("probe.ts");
    expect(parseBtf(b.encode()).strings.get(off)).toBe("probe.ts");
  });
});
