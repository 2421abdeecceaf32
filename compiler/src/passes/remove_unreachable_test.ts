import { describe, expect, test } from "bun:test";
import { applyPass, ir } from "./pass_testing.ts";
import { removeUnreachable } from "./remove_unreachable.ts";

describe("remove-unreachable", () => {
  test("blocks no path from the entry reaches are removed", () => {
    expect(applyPass(removeUnreachable, ir(`function f
      entry:
        br c
      dead:
        br c
      c:
        ret 0`))).toBe(ir(`function f
      entry:
        br c
      c:
        ret 0`));
  });
});
