import { describe, expect, test } from "bun:test";
import { mergeBlocks } from "./merge_blocks.ts";
import { applyPass, ir } from "./pass_testing.ts";

const merge = (text: string) => applyPass(mergeBlocks, ir(text));

describe("merge-blocks", () => {
  test("a chain of blocks each jumped to only from the one before becomes one block", () => {
    expect(merge(`function f
      entry:
        v1 = 1
        br a
      a:
        v2 = 2
        br b
      b:
        ret v2`)).toBe(ir(`function f
      entry:
        v1 = 1
        v2 = 2
        ret v2`));
  });

  test("a join with two predecessors, and the entry, stay blocks", () => {
    const text = ir(`function f
      entry:
        v0 = arg 0
        if eq64 v0, 0 then a else join
      a:
        v1 = 1
        br join
      join:
        br entry`);
    expect(merge(text)).toBe(text);
  });
});
