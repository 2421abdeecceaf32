import { describe, expect, test } from "bun:test";
import { foldConstants } from "./fold_constants.ts";
import { applyPass, ir } from "./pass_testing.ts";

const fold = (text: string) => applyPass(foldConstants, ir(text));

describe("fold-constants", () => {
  test("computes arithmetic on known values and returns the constant", () => {
    expect(fold(`function f
      entry:
        v1 = 6
        v2 = mul64 v1, 7
        v3 = sub64 v2, v1
        ret v3`)).toBe(ir(`function f
      entry:
        v1 = 6
        v2 = 42
        v3 = 36
        ret 36`));
  });

  test("puts known values into immediates where instructions take them", () => {
    expect(fold(`function f
      slot0: 8 bytes (key)
      entry:
        v0 = arg 0
        v1 = 5
        store.32 [slot0 + 0], v1
        v2 = add64 v0, v1
        call 6(v0, v1)
        if gt64 v0, v1 then a else b
      a:
        ret v1
      b:
        ret 0`)).toBe(ir(`function f
      slot0: 8 bytes (key)
      entry:
        v0 = arg 0
        v1 = 5
        store.32 [slot0 + 0], 5
        v2 = add64 v0, 5
        call 6(v0, 5)
        if gt64 v0, 5 then a else b
      a:
        ret 5
      b:
        ret 0`));
  });

  test("computes 32-bit operations on the low halves and zero-extends them", () => {
    expect(fold(`function f
      entry:
        v1 = -1
        v2 = add32 v1, 2
        v3 = (u32) v1
        v4 = (s8) v3
        v5 = neg32 v2
        ret v5`)).toBe(ir(`function f
      entry:
        v1 = -1
        v2 = 1
        v3 = 4294967295
        v4 = -1
        v5 = 4294967295
        ret 4294967295`));
  });

  test("follows the kernel on division and modulo by zero", () => {
    expect(fold(`function f
      entry:
        v1 = 9
        v2 = div64 v1, 0
        v3 = mod64 v1, 0
        v4 = sdiv64 v1, -2
        v5 = smod64 v1, -2
        ret v2`)).toBe(ir(`function f
      entry:
        v1 = 9
        v2 = 0
        v3 = 9
        v4 = -4
        v5 = 1
        ret 0`));
  });

  test("a divisor known to be zero never becomes an immediate: the operation folds instead", () => {
    expect(fold(`function f
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        v2 = 0
        v3 = div64 v1, v2
        v4 = mod64 v1, v2
        v5 = sdiv32 v1, 4294967296
        v6 = smod32 v1, v2
        ret v4`)).toBe(ir(`function f
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        v2 = 0
        v3 = 0
        v4 = v1
        v5 = 0
        v6 = (u32) v1
        ret v4`));
  });

  test("keeps a register whose value differs between the paths that join", () => {
    const text = ir(`function f
      entry:
        v0 = arg 0
        v9 = load.u64 [v0 + 0]
        if eq64 v9, 0 then a else b
      a:
        v1 = 1
        br join
      b:
        v1 = 2
        br join
      join:
        v2 = add64 v1, 1
        ret v2`);
    expect(fold(text)).toBe(text);
  });

  test("propagates a value both paths agree on", () => {
    expect(fold(`function f
      entry:
        v0 = arg 0
        v9 = load.u64 [v0 + 0]
        if eq64 v9, 0 then a else b
      a:
        v1 = 3
        br join
      b:
        v1 = 3
        br join
      join:
        ret v1`)).toContain("join:\n  ret 3");
  });

  test("does not treat a loop counter as its initial value", () => {
    const text = ir(`function f
      entry:
        v1 = 0
        br head
      head:
        if lt64 v1, 10 then body else done
      body:
        v1 = add64 v1, 1
        br head
      done:
        ret v1`);
    expect(fold(text)).toBe(text);
  });

  test("turns identities into moves and a known first operand into the immediate", () => {
    expect(fold(`function f
      entry:
        v0 = arg 0
        v1 = add64 v0, 0
        v2 = mul64 v0, 1
        v3 = and64 v0, -1
        v4 = and32 v0, 4294967295
        v5 = 8
        v6 = add64 v5, v0
        v7 = sub64 v5, v0
        v8 = mul64 v0, 0
        ret v8`)).toBe(ir(`function f
      entry:
        v0 = arg 0
        v1 = v0
        v2 = v0
        v3 = v0
        v4 = (u32) v0
        v5 = 8
        v6 = add64 v0, 8
        v7 = sub64 v5, v0
        v8 = 0
        ret 0`));
  });

  test("puts the known side of a compare on the right", () => {
    expect(fold(`function f
      entry:
        v0 = arg 0
        v1 = 5
        if lt64 v1, v0 then a else b
      a:
        ret 1
      b:
        ret 0`)).toContain("if gt64 v0, 5 then a else b");
  });

  test("never folds loads, helper results or the context", () => {
    const text = ir(`function f
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        v2 = call 5()
        v3 = add64 v1, v2
        ret v3`);
    expect(fold(text)).toBe(text);
  });
});
