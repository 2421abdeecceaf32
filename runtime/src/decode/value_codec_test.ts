import { describe, expect, test } from "bun:test";
import type { TypeLayout } from "@ts-bpf/loader";
import { decodeValue, encodeValue } from "./value_codec.ts";

const u64: TypeLayout = { kind: "int", bits: 64, signed: false, name: "u64" };
const i32: TypeLayout = { kind: "int", bits: 32, signed: true, name: "i32" };
const event: TypeLayout = { kind: "struct", name: "Event", size: 32, align: 8, fields: [
  { name: "pid", type: { kind: "int", bits: 32, signed: false, name: "u32" }, offset: 0 },
  { name: "delta", type: i32, offset: 4 },
  { name: "ns", type: u64, offset: 8 },
  { name: "comm", type: { kind: "str", capacity: 16 }, offset: 16 },
] };

describe("value codec", () => {
  test("u64 values above 2^53 are exact bigints", () => {
    const bytes = encodeValue(u64, 0xffff_ffff_ffff_fff1n);
    expect(decodeValue(u64, bytes)).toBe(0xffff_ffff_ffff_fff1n);
  });

  test("a struct decodes field by field, strings up to their NUL", () => {
    const value = { pid: 42, delta: -7, ns: 123456789012345678n, comm: "bash" };
    expect(decodeValue(event, encodeValue(event, value))).toEqual(value);
  });

  test("a string longer than its field is cut to leave the NUL", () => {
    const bytes = encodeValue({ kind: "str", capacity: 4 }, "abcdef");
    expect(Array.from(bytes)).toEqual([97, 98, 99, 0]);
  });
});
