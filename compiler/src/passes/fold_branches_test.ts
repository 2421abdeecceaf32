import { describe, expect, test } from "bun:test";
import { foldBranches } from "./fold_branches.ts";
import { applyPass, ir } from "./pass_testing.ts";

const fold = (text: string) => applyPass(foldBranches, ir(text));

describe("fold-branches", () => {
  test("a branch on known values becomes a jump to the side taken", () => {
    expect(fold(`function f
      entry:
        v1 = 3
        if gt64 v1, 2 then a else b
      a:
        ret 1
      b:
        ret 0`)).toContain("entry:\n  v1 = 3\n  br a");
  });

  test("compares at the branch's width and signedness", () => {
    const out = fold(`function f
      entry:
        v1 = 4294967296
        v2 = -1
        if eq32 v1, 0 then a else b
      a:
        if slt64 v2, 0 then c else b
      c:
        if lt64 v2, 0 then b else d
      b:
        ret 0
      d:
        ret 1`);
    expect(out).toContain("entry:\n  v1 = 4294967296\n  v2 = -1\n  br a");
    expect(out).toContain("a:\n  br c");
    expect(out).toContain("c:\n  br d");
  });

  test("a branch whose two targets are the same block becomes a jump", () => {
    expect(fold(`function f
      entry:
        v0 = arg 0
        if ne64 v0, 0 then a else a
      a:
        ret 0`)).toContain("entry:\n  v0 = arg 0\n  br a");
  });

  test("a branch on an unknown value stays", () => {
    const text = ir(`function f
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        if ne64 v1, 0 then a else b
      a:
        ret 1
      b:
        ret 0`);
    expect(fold(text)).toBe(text);
  });
});
