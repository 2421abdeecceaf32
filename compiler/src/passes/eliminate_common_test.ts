import { describe, expect, test } from "bun:test";
import { eliminateCommon } from "./eliminate_common.ts";
import { applyPass, ir } from "./pass_testing.ts";

const cse = (text: string) => applyPass(eliminateCommon, ir(text));

describe("eliminate-common", () => {
  test("a repeated computation becomes a copy of the first, operands in any order when they commute", () => {
    expect(cse(`function f
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        v2 = add64 v1, v0
        v3 = add64 v0, v1
        v4 = sub64 v1, v0
        v5 = sub64 v0, v1
        ret v3`)).toBe(ir(`function f
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        v2 = add64 v1, v0
        v3 = v2
        v4 = sub64 v1, v0
        v5 = sub64 v0, v1
        ret v3`));
  });

  test("does not reuse a value computed from an operand since redefined", () => {
    expect(cse(`function f
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        v2 = add64 v1, 1
        v1 = load.u64 [v0 + 8]
        v3 = add64 v1, 1
        ret v3`)).toContain("v3 = add64 v1, 1");
  });

  test("reuses a map reference and an address until a helper call, then recomputes them", () => {
    expect(cse(`function f
      slot0: 8 bytes (key)
      entry:
        v1 = map counts
        v2 = &slot0 + 0
        v3 = map counts
        v4 = &slot0 + 0
        v5 = call 1(v3, v4)
        v6 = map counts
        ret v5`)).toBe(ir(`function f
      slot0: 8 bytes (key)
      entry:
        v1 = map counts
        v2 = &slot0 + 0
        v3 = v1
        v4 = v2
        v5 = call 1(v3, v4)
        v6 = map counts
        ret v5`));
  });

  test("a load is not reused after a store that may change it; the context's loads are", () => {
    expect(cse(`function f
      slot0: 8 bytes (a)
      slot1: 8 bytes (b)
      entry:
        v0 = arg 0
        v1 = load.u64 [slot0 + 0]
        v2 = load.u64 [slot1 + 0]
        v3 = load.u64 [v0 + 16]
        store.64 [slot0 + 0], 1
        v4 = load.u64 [slot0 + 0]
        v5 = load.u64 [slot1 + 0]
        v6 = load.u64 [v0 + 16]
        ret v6`)).toBe(ir(`function f
      slot0: 8 bytes (a)
      slot1: 8 bytes (b)
      entry:
        v0 = arg 0
        v1 = load.u64 [slot0 + 0]
        v2 = load.u64 [slot1 + 0]
        v3 = load.u64 [v0 + 16]
        store.64 [slot0 + 0], 1
        v4 = 1
        v5 = v2
        v6 = v3
        ret v6`));
  });

  test("a load of what a store just wrote reads the stored value, at the load's width", () => {
    expect(cse(`function f
      slot0: 16 bytes (s)
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        store.32 [slot0 + 0], v1
        store.16 [slot0 + 4], v1
        store.64 [slot0 + 8], v1
        v2 = load.u32 [slot0 + 0]
        v3 = load.s32 [slot0 + 0]
        v4 = load.u16 [slot0 + 4]
        v5 = load.u64 [slot0 + 8]
        store.8 [slot0 + 5], 7
        v6 = load.u16 [slot0 + 4]
        v7 = load.s8 [slot0 + 5]
        v8 = load.u32 [slot0 + 0]
        ret v8`)).toBe(ir(`function f
      slot0: 16 bytes (s)
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        store.32 [slot0 + 0], v1
        store.16 [slot0 + 4], v1
        store.64 [slot0 + 8], v1
        v2 = (u32) v1
        v3 = (s32) v1
        v4 = and64 v1, 65535
        v5 = v1
        store.8 [slot0 + 5], 7
        v6 = load.u16 [slot0 + 4]
        v7 = 7
        v8 = (u32) v1
        ret v8`));
  });

  test("a store through a pointer invalidates every slot load", () => {
    expect(cse(`function f
      slot0: 8 bytes (a)
      entry:
        v0 = arg 0
        v1 = load.u64 [slot0 + 0]
        v2 = load.u64 [v0 + 8]
        store.64 [v2 + 0], 1
        v3 = load.u64 [slot0 + 0]
        ret v3`)).toContain("v3 = load.u64 [slot0 + 0]");
  });

  test("a call for the current task's ids reuses a dominating call's result", () => {
    expect(cse(`function f
      entry:
        v1 = call 14()
        v9 = call 5()
        if eq64 v9, 0 then a else b
      a:
        v2 = call 14()
        v3 = call 5()
        ret v2
      b:
        v4 = call 14()
        ret v4`)).toBe(ir(`function f
      entry:
        v1 = call 14()
        v9 = call 5()
        if eq64 v9, 0 then a else b
      a:
        v2 = v1
        v3 = call 5()
        ret v2
      b:
        v4 = v1
        ret v4`));
  });

  test("sibling branches do not reuse each other's calls", () => {
    const text = ir(`function f
      entry:
        v0 = arg 0
        if eq64 v0, 0 then a else b
      a:
        v2 = call 14()
        ret v2
      b:
        v4 = call 14()
        ret v4`);
    expect(cse(text)).toBe(text);
  });
});
