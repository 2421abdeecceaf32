import { describe, expect, test } from "bun:test";
import { mergeReturns } from "./merge_returns.ts";
import { applyPass, ir } from "./pass_testing.ts";

const merge = (text: string) => applyPass(mergeReturns, ir(text));

describe("merge-returns", () => {
  test("returns of one constant jump to one return after the last of them", () => {
    expect(merge(`function f
      entry:
        v0 = arg 0
        if eq64 v0, 0 then early else body
      early:
        ret 0
      body:
        v1 = 1
        ret 0`)).toBe(ir(`function f
      entry:
        v0 = arg 0
        if eq64 v0, 0 then early else body
      early:
        br ret.0
      body:
        v1 = 1
        br ret.0
      ret.0:
        ret 0`));
  });

  test("a single return, different constants and returned registers stay as they are", () => {
    const text = ir(`function f
      entry:
        v0 = arg 0
        if eq64 v0, 0 then a else b
      a:
        ret 1
      b:
        if eq64 v0, 1 then c else d
      c:
        ret v0
      d:
        ret 2`);
    expect(merge(text)).toBe(text);
  });
});
