import { describe, expect, test } from "bun:test";
import { BtfError } from "./btf_error.ts";
import { StringTable, StringTableBuilder } from "./strings.ts";

const text = (s: string) => new TextEncoder().encode(s);

describe("StringTableBuilder", () => {
  test("starts with the empty string and gives each distinct string one offset", () => {
    const b = new StringTableBuilder();
    expect(b.add("")).toBe(0);
    expect(b.add("int")).toBe(1);
    expect(b.add("pid")).toBe(5);
    expect(b.add("int")).toBe(1);
    expect(b.encode()).toEqual(text("\0int\0pid\0"));
    expect(b.byteLength).toBe(9);
  });

  test("encodes non-ASCII names as UTF-8 and counts bytes", () => {
    const b = new StringTableBuilder();
    expect(b.add("é")).toBe(1);
    expect(b.add("x")).toBe(4);
  });

  test("rejects a string with a NUL inside", () => {
    expect(() => new StringTableBuilder().add("a\0b")).toThrow(BtfError);
  });

  test("on top of a base it starts empty, numbers after the base and reuses base strings", () => {
    const base = new StringTable(text("\0int\0long\0"));
    const b = new StringTableBuilder(base);
    expect(b.add("long")).toBe(5);
    expect(b.add("module_thing")).toBe(10);
    expect(b.encode()).toEqual(text("module_thing\0"));
  });
});

describe("StringTable", () => {
  test("reads strings by offset, including from the middle of one", () => {
    const t = new StringTable(text("\0int\0pid\0"));
    expect(t.get(0)).toBe("");
    expect(t.get(1)).toBe("int");
    expect(t.get(5)).toBe("pid");
    expect(t.get(2)).toBe("nt");
  });

  test("reads UTF-8 strings", () => {
    const t = new StringTable(text("\0héllo\0b\0"));
    expect(t.get(1)).toBe("héllo");
    expect(t.get(8)).toBe("b");
  });

  test("throws a BtfError for an offset past the end", () => {
    const t = new StringTable(text("\0a\0"));
    expect(() => t.get(3)).toThrow("offset 3 is outside the string section (3 bytes)");
    expect(t.has(2)).toBe(true);
    expect(t.has(3)).toBe(false);
  });

  test("finds the offset of a whole string, base first", () => {
    const base = new StringTable(text("\0int\0"));
    const split = new StringTable(text("foo\0int\0"), base);
    expect(split.start).toBe(5);
    expect(split.get(5)).toBe("foo");
    expect(split.get(1)).toBe("int");
    expect(split.find("int")).toBe(1);
    expect(split.find("foo")).toBe(5);
    expect(split.find("bar")).toBeUndefined();
    expect(split.find("")).toBe(0);
  });
});
