import { describe, expect, test } from "bun:test";
import { StringTableBuilder } from "./string_table_builder.ts";

describe("StringTableBuilder", () => {
  test("starts with a NUL and gives the empty string offset 0", () => {
    const t = new StringTableBuilder();
    expect(t.add("")).toBe(0);
    expect(Array.from(t.bytes())).toEqual([0]);
  });

  test("adds each string once, NUL-terminated, in first-added order", () => {
    const t = new StringTableBuilder();
    expect(t.add(".text")).toBe(1);
    expect(t.add("license")).toBe(7);
    expect(t.add(".text")).toBe(1);
    expect(new TextDecoder().decode(t.bytes())).toBe("\0.text\0license\0");
  });

  test("encodes non-ASCII names as UTF-8", () => {
    const t = new StringTableBuilder();
    t.add("é");
    expect(Array.from(t.bytes())).toEqual([0, 0xc3, 0xa9, 0]);
  });
});
