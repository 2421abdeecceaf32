import { describe, expect, test } from "bun:test";
import { BtfBuilder } from "./btf_builder.ts";
import { BtfError } from "./btf_error.ts";
import { parseBtf, parseBtfLazily } from "./btf_parser.ts";
import { everyKind } from "./fixtures.ts";
import { intType } from "./types.ts";

function intAndPtr(): Uint8Array {
  const b = new BtfBuilder();
  b.add(intType("int", 4, "signed"));
  b.add({ kind: "PTR", name: "", type: 1 });
  return b.encode();
}

/** Applies `edit` to a copy of the bytes through a little-endian DataView. */
function patched(bytes: Uint8Array, edit: (view: DataView) => void): Uint8Array {
  const copy = bytes.slice();
  edit(new DataView(copy.buffer));
  return copy;
}

/** The same BTF in big-endian byte order (every record field is a 32-bit word). */
function toBigEndian(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  const src = new DataView(bytes.buffer, bytes.byteOffset);
  const dst = new DataView(copy.buffer);
  dst.setUint16(0, 0xeb9f, false);
  const typeLen = src.getUint32(12, true);
  for (let i = 4; i < 24 + typeLen; i += 4) dst.setUint32(i, src.getUint32(i, true), false);
  return copy;
}

describe("parseBtf", () => {
  test("rejects input shorter than the header", () => {
    expect(() => parseBtf(new Uint8Array(10))).toThrow("10 bytes is shorter than the 24-byte header");
  });

  test("rejects a bad magic number with a hint", () => {
    const bad = patched(intAndPtr(), (v) => v.setUint16(0, 0x7f45, true));
    expect(() => parseBtf(bad)).toThrow("bad magic 0x7f45, expected 0xeb9f (hint: is this a raw .BTF");
    expect(() => parseBtf(bad)).toThrow(BtfError);
  });

  test("rejects an unknown version", () => {
    expect(() => parseBtf(patched(intAndPtr(), (v) => v.setUint8(2, 2)))).toThrow("unsupported version 2");
  });

  test("rejects a truncated blob", () => {
    const bytes = intAndPtr();
    expect(() => parseBtf(bytes.subarray(0, bytes.length - 2))).toThrow("the BTF is truncated");
  });

  test("rejects a string section that does not start with the empty string", () => {
    const bytes = intAndPtr();
    expect(() => parseBtf(patched(bytes, (v) => v.setUint8(24 + 28, 0x41))))
      .toThrow("must start with an empty string");
  });

  test("rejects a string section without a final NUL", () => {
    const bytes = intAndPtr();
    expect(() => parseBtf(patched(bytes, (v) => v.setUint8(bytes.length - 1, 0x41))))
      .toThrow("does not end with a NUL byte");
  });

  test("names the type id of an unknown kind", () => {
    const bad = patched(intAndPtr(), (v) => v.setUint32(24 + 16 + 4, 25 << 24, true));
    expect(() => parseBtf(bad)).toThrow("type id 2 (at byte 16 of the type section): unknown kind 25");
  });

  test("names a record cut short by the type section's end", () => {
    const bad = patched(intAndPtr(), (v) => v.setUint32(24 + 16 + 4, 3 << 24, true)); // PTR → ARRAY
    expect(() => parseBtf(bad)).toThrow("type id 2 (at byte 16 of the type section): the record " +
      "needs 24 bytes but only 12 remain");
  });

  test("rejects a name offset outside the string section", () => {
    const bad = patched(intAndPtr(), (v) => v.setUint32(24, 99, true));
    expect(() => parseBtf(bad)).toThrow("type id 1 (at byte 0 of the type section): name offset 99 " +
      "is outside the string section (5 bytes)");
  });

  test("rejects a reference to a type id that does not exist", () => {
    const bad = patched(intAndPtr(), (v) => v.setUint32(24 + 16 + 8, 9, true));
    expect(() => parseBtf(bad)).toThrow("type id 2 refers to type id 9, but the last type id is 2");
  });

  test("rejects an INT with more than one encoding bit", () => {
    const bad = patched(intAndPtr(), (v) => v.setUint32(24 + 12, 3 << 24 | 32, true));
    expect(() => parseBtf(bad)).toThrow("INT encoding 0x3 is not one of 0, 1, 2, 4");
  });

  test("rejects an unknown function linkage", () => {
    const b = new BtfBuilder();
    b.add({ kind: "FUNC_PROTO", name: "", returnType: 0, params: [] });
    b.add({ kind: "FUNC", name: "f", type: 1, linkage: "global" });
    const bad = patched(b.encode(), (v) => v.setUint32(24 + 12 + 4, 12 << 24 | 7, true));
    expect(() => parseBtf(bad)).toThrow("unknown linkage 7");
  });

  test("accepts a longer header from a newer format", () => {
    const bytes = intAndPtr();
    const longer = new Uint8Array(bytes.length + 8);
    longer.set(bytes.subarray(0, 24));
    longer.set(bytes.subarray(24), 32);
    new DataView(longer.buffer).setUint32(4, 32, true);
    expect(parseBtf(longer).types).toEqual(parseBtf(bytes).types);
  });

  test("reads big-endian BTF", () => {
    const b = new BtfBuilder();
    for (const t of everyKind()) b.add(t);
    const bytes = b.encode();
    expect(parseBtf(toBigEndian(bytes)).types).toEqual(parseBtf(bytes).types);
  });

  test("reads an empty BTF", () => {
    const btf = parseBtf(new BtfBuilder().encode());
    expect(btf.types).toHaveLength(0);
    expect(btf.nextId).toBe(1);
  });
});

describe("split BTF", () => {
  test("ids and string offsets continue after the base", () => {
    const baseBuilder = new BtfBuilder();
    baseBuilder.add(intType("int", 4, "signed"));
    baseBuilder.add({ kind: "TYPEDEF", name: "pid_t", type: 1 });
    const base = parseBtf(baseBuilder.encode());

    const b = new BtfBuilder({ base });
    expect(b.firstId).toBe(3);
    const arr = b.add({ kind: "ARRAY", name: "", type: 2, indexType: 1, nelems: 4 });
    const s = b.add({ kind: "STRUCT", name: "module_state", size: 16, members: [
      { name: "pids", type: arr, bitOffset: 0, bitfieldSize: 0 },
    ] });
    expect([arr, s]).toEqual([3, 4]);
    const bytes = b.encode();
    expect(new DataView(bytes.buffer).getUint32(20, true)).toBe("module_state\0pids\0".length);

    const split = parseBtf(bytes, { base });
    expect(split.firstId).toBe(3);
    expect(split.typeById(1).name).toBe("int");
    expect(split.typeByName("module_state", "STRUCT")?.id).toBe(4);
    expect(split.typeByName("pid_t")?.id).toBe(2);
    expect(split.typeSize(4)).toBe(16);
    expect(split.memberOffset(4, "pids")).toBe(0);
  });

  test("split string sections need not start with a NUL, but names must stay in range", () => {
    const base = parseBtf(intAndPtr());
    const b = new BtfBuilder({ base });
    b.add({ kind: "TYPEDEF", name: "x", type: 1 });
    const split = parseBtf(b.encode(), { base });
    expect(split.typeById(3)).toEqual({ kind: "TYPEDEF", name: "x", type: 1 });
    expect(split.strings.get(5)).toBe("x");
  });
});

describe("parseBtfLazily", () => {
  test("gives every kind of type exactly as parseBtf does, decoding each when asked", () => {
    const b = new BtfBuilder();
    for (const type of everyKind()) b.add(type);
    const bytes = b.encode();
    const full = parseBtf(bytes);
    const lazy = parseBtfLazily(bytes);
    expect(lazy.nextId).toBe(full.nextId);
    for (let id = full.nextId - 1; id >= 1; id--) expect(lazy.typeById(id)).toEqual(full.typeById(id));
  });

  test("a reference past the last type is refused when the type holding it is decoded", () => {
    const b = new BtfBuilder();
    b.add(intType("int", 4, "signed"));
    b.add({ kind: "PTR", name: "", type: 1 });
    const bytes = patched(b.encode(), (v) => v.setUint32(24 + 16 + 8, 9, true));
    const lazy = parseBtfLazily(bytes);
    expect(lazy.typeById(1).kind).toBe("INT");
    expect(() => lazy.typeById(2)).toThrow("refers to type id 9, but the last type id is 2");
  });
});
