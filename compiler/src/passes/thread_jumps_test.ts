import { describe, expect, test } from "bun:test";
import { applyPass, ir } from "./pass_testing.ts";
import { threadJumps } from "./thread_jumps.ts";

describe("thread-jumps", () => {
  test("branches to empty blocks that only jump go straight to the final target", () => {
    expect(applyPass(threadJumps, ir(`function f
      entry:
        v0 = arg 0
        if eq64 v0, 0 then a else b
      a:
        br b
      b:
        br c
      c:
        ret 0`))).toContain("if eq64 v0, 0 then c else c");
  });

  test("a block that jumps to itself is not followed forever", () => {
    expect(applyPass(threadJumps, ir(`function f
      entry:
        br a
      a:
        br a`))).toContain("entry:\n  br a");
  });
});
