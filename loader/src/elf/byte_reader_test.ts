import { describe, expect, test } from "bun:test";
import { ByteReader } from "./byte_reader.ts";
import { ElfError } from "./elf_error.ts";

const reader = (bytes: number[]) => new ByteReader(Uint8Array.from(bytes), "f.bin");

describe("ByteReader", () => {
  test("reads little-endian integers", () => {
    const r = reader([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x00]);
    expect(r.u8(1, "x")).toBe(2);
    expect(r.u16(0, "x")).toBe(0x0201);
    expect(r.u32(0, "x")).toBe(0x04030201);
    expect(r.u64(0, "x")).toBe(0x07060504030201);
  });

  test("reads signed 64-bit values", () => {
    expect(reader([0xfc, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]).i64(0, "x")).toBe(-4);
    expect(reader([0, 0, 0, 0, 0, 1, 0, 0]).i64(0, "x")).toBe(2 ** 40);
  });

  test("throws a truncated ElfError naming the structure instead of a RangeError", () => {
    const r = reader([1, 2, 3]);
    expect(() => r.u32(0, "the ELF header")).toThrow(ElfError);
    expect(() => r.u32(0, "the ELF header")).toThrow(
      "'f.bin' is truncated or malformed: the ELF header spans bytes 0..4 but the file has 3 bytes",
    );
    expect(() => r.u8(-1, "x")).toThrow(ElfError);
    expect(() => r.check(Number.MAX_SAFE_INTEGER, 2, "x")).toThrow(ElfError);
  });

  test("refuses 64-bit values above 2^53", () => {
    const r = reader([0, 0, 0, 0, 0, 0, 0x20, 0]);
    expect(() => r.u64(0, "sh_offset")).toThrow("larger than 2^53");
    expect(() => reader([0, 0, 0, 0, 0, 0, 0, 0x80]).i64(0, "addend")).toThrow(ElfError);
  });

  test("reads NUL-terminated strings, ASCII and UTF-8", () => {
    const r = reader([0x61, 0x62, 0, 0xc3, 0xa9, 0]);
    expect(r.cString(0, 6, "name")).toBe("ab");
    expect(r.cString(2, 6, "name")).toBe("");
    expect(r.cString(3, 6, "name")).toBe("é");
  });

  test("rejects strings outside their table or without a NUL", () => {
    const r = reader([0x61, 0x62, 0x63, 0]);
    expect(() => r.cString(0, 3, "the name of section 1")).toThrow("has no terminating NUL");
    expect(() => r.cString(5, 9, "the name of section 1")).toThrow("outside its string table");
  });
});
