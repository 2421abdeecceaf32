import { describe, expect, test } from "bun:test";
import { ElfError } from "./elf_error.ts";
import { checkedName, failFor, unsigned } from "./writer_input.ts";

describe("writer input checks", () => {
  const fail = failFor("out.o");

  test("failFor() makes invalid_input errors naming the output", () => {
    const error = fail("section 'x' is odd", "fix it");
    expect(error).toBeInstanceOf(ElfError);
    expect(error.kind).toBe("invalid_input");
    expect(error.message).toBe("'out.o' cannot be written: section 'x' is odd (hint: fix it)");
  });

  test("unsigned() accepts whole non-negative numbers only", () => {
    expect(unsigned(2 ** 40, "v", fail)).toBe(2 ** 40);
    for (const bad of [-1, 1.5, NaN, 2 ** 53]) {
      expect(() => unsigned(bad, "the size", fail)).toThrow("the size is");
    }
  });

  test("checkedName() rejects NUL characters", () => {
    expect(checkedName("ok", "n", fail)).toBe("ok");
    expect(() => checkedName("a\0", "section 'a'", fail)).toThrow("has a NUL character");
  });
});
