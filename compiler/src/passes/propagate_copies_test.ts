import { describe, expect, test } from "bun:test";
import { applyPass, ir } from "./pass_testing.ts";
import { propagateCopies } from "./propagate_copies.ts";

const propagate = (text: string) => applyPass(propagateCopies, ir(text));

describe("propagate-copies", () => {
  test("later reads of a copy read its source, through chains of copies", () => {
    expect(propagate(`function f
      entry:
        v0 = arg 0
        v1 = v0
        v2 = v1
        v3 = load.u64 [v2 + 8]
        ret v2`)).toBe(ir(`function f
      entry:
        v0 = arg 0
        v1 = v0
        v2 = v0
        v3 = load.u64 [v0 + 8]
        ret v0`));
  });

  test("stops when the source is redefined", () => {
    expect(propagate(`function f
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        v2 = v1
        v1 = add64 v1, 1
        ret v2`)).toContain("v1 = add64 v1, 1\n  ret v2");
  });

  test("stops when the copy is redefined", () => {
    expect(propagate(`function f
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        v2 = v1
        v2 = 7
        ret v2`)).toContain("v2 = 7\n  ret v2");
  });

  test("crosses blocks only when every path made the same copy", () => {
    const out = propagate(`function f
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        v5 = load.u64 [v0 + 8]
        if eq64 v1, 0 then a else b
      a:
        v2 = v1
        v3 = v1
        br join
      b:
        v2 = v1
        v3 = v5
        br join
      join:
        v4 = add64 v2, v3
        ret v4`);
    expect(out).toContain("join:\n  v4 = add64 v1, v3");
  });

  test("a 32-bit move truncates and is not a copy", () => {
    const text = ir(`function f
      entry:
        v0 = arg 0
        v1 = (u32) v0
        ret v1`);
    expect(propagate(text)).toBe(text);
  });
});
