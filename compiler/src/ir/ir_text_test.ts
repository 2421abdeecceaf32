import { describe, expect, test } from "bun:test";
import { parseFunction } from "./parse_ir.ts";
import { printFunction } from "./print_ir.ts";

const TEXT = `function every_form
  slot0: 16 bytes (key)
entry:
  v0 = arg 0
  v1 = 7
  v2 = (u32) v1
  v3 = (s16) v2
  v4 = sub64 v3, -5
  v5 = neg32 v4
  v6 = load.s32 [v0 + 8]
  store.64 [slot0 + 0], 0
  store.8 [v6 + -2], v5
  atomic_add.64 [slot0 + 8], v1
  v7 = &slot0 + 4
  v8 = map counts
  v9 = call 1(v8, v7)
  call 6(v7, 16, v9)
  v10 = map_value .data.drops + 0
  if sle32 v9, v1 then done else next
next:
  br done
done:
  ret v9`;

describe("IR text", () => {
  test("parseFunction reads back every instruction form printFunction writes", () => {
    const fn = parseFunction(TEXT);
    expect(printFunction(fn)).toBe(TEXT);
    expect(fn.vregCount).toBe(11);
    expect(fn.blocks.map((b) => b.label)).toEqual(["entry", "next", "done"]);
  });

  test("parseFunction names the line it cannot read", () => {
    expect(() => parseFunction("function f\nentry:\n  v1 = frobnicate v2\n  ret 0"))
      .toThrow("line 3: 'v1 = frobnicate v2'");
  });

  test("parseFunction refuses a block without a terminator", () => {
    expect(() => parseFunction("function f\nentry:\n  v1 = 1\nnext:\n  ret 0")).toThrow("no terminator");
  });
});
