import { describe, expect, test } from "bun:test";
import { ByteReader } from "./byte_reader.ts";
import { encodeRelocations, symbolResolver } from "./relocation_writer.ts";
import { failFor } from "./writer_input.ts";

const fail = failFor("t.o");

describe("encodeRelocations()", () => {
  const resolve = symbolResolver([{ name: "a" }, { name: "b" }], [2, 1], fail);

  test("writes Elf64_Rel entries with the symbol in the high half of r_info", () => {
    const bytes = encodeRelocations(
      ".text",
      64,
      [{ offset: 8, type: 1, symbol: "a" }, { offset: 16, type: 10 }],
      false,
      resolve,
      fail,
    );
    const r = new ByteReader(bytes, "t.o");
    expect(bytes).toHaveLength(32);
    expect([r.u64(0, ""), r.u32(8, ""), r.u32(12, ""), r.u64(16, ""), r.u32(24, ""), r.u32(28, "")])
      .toEqual([8, 1, 2, 16, 10, 0]);
  });

  test("writes Elf64_Rela entries with signed addends", () => {
    const bytes = encodeRelocations(
      ".text",
      64,
      [{ offset: 0, type: 1, symbol: 1, addend: -16 }],
      true,
      resolve,
      fail,
    );
    const r = new ByteReader(bytes, "t.o");
    expect(bytes).toHaveLength(24);
    expect([r.u32(12, ""), r.i64(16, "")]).toEqual([1, -16]);
  });
});

describe("symbolResolver()", () => {
  test("resolves names and positions, and rejects shared or unknown names", () => {
    const resolve = symbolResolver(
      [{ name: "x" }, { name: "dup" }, { name: "dup" }],
      [1, 2, 3],
      fail,
    );
    expect([resolve("x", "r"), resolve(2, "r"), resolve(undefined, "r")]).toEqual([1, 3, 0]);
    expect(() => resolve("dup", "relocation 0 of '.text'")).toThrow(
      "names 'dup', which several symbols share",
    );
    expect(() => resolve("y", "r")).toThrow("names symbol 'y', which is not among the symbols");
    expect(() => resolve(1.5, "r")).toThrow("names symbol #1.5");
  });
});
