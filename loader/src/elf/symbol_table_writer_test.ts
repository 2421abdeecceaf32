import { describe, expect, test } from "bun:test";
import { ByteReader } from "./byte_reader.ts";
import { encodeSymbols } from "./symbol_table_writer.ts";
import { failFor } from "./writer_input.ts";

const sectionIndex = (ref: string | number) => (typeof ref === "number" ? ref : 3);

describe("encodeSymbols()", () => {
  test("writes a null symbol, then locals, then the rest, each in input order", () => {
    const encoded = encodeSymbols(
      [{ name: "g1" }, { name: "l1", bind: "LOCAL" }, { name: "w", bind: "WEAK" }, {
        name: "l2",
        bind: "LOCAL",
      }],
      sectionIndex,
      failFor("t.o"),
    );
    expect(encoded.outputIndex).toEqual([3, 1, 4, 2]);
    expect(encoded.firstGlobal).toBe(3);
    expect(encoded.symtab).toHaveLength(5 * 24);
    expect(new TextDecoder().decode(encoded.strtab)).toBe("\0l1\0l2\0g1\0w\0");
  });

  test("encodes info, other, section index, value and size", () => {
    const encoded = encodeSymbols(
      [{
        name: "f",
        section: "x",
        type: "FUNC",
        bind: "WEAK",
        visibility: "HIDDEN",
        value: 16,
        size: 2 ** 40,
      }],
      sectionIndex,
      failFor("t.o"),
    );
    const r = new ByteReader(encoded.symtab, "t.o");
    expect([r.u8(28, ""), r.u8(29, ""), r.u16(30, ""), r.u64(32, ""), r.u64(40, "")]).toEqual([
      0x22,
      2,
      3,
      16,
      2 ** 40,
    ]);
  });

  test("rejects unknown type names", () => {
    const bad = [{ name: "f", type: "FUNCTION" as never }];
    expect(() => encodeSymbols(bad, sectionIndex, failFor("t.o"))).toThrow(
      "symbol 'f' has an unknown type, bind or visibility",
    );
  });
});
