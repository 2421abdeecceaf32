import { describe, expect, test } from "bun:test";
import { eliminateDeadCode } from "./eliminate_dead_code.ts";
import { applyPass, ir } from "./pass_testing.ts";

const dce = (text: string) => applyPass(eliminateDeadCode, ir(text));

describe("eliminate-dead-code", () => {
  test("removes computations nobody reads, and then their operands", () => {
    expect(dce(`function f
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        v2 = add64 v1, 1
        v3 = mul64 v2, 2
        v4 = v0
        ret 0`)).toBe(ir(`function f
      entry:
        ret 0`));
  });

  test("keeps stores, atomics and helper calls; an unread call result is dropped", () => {
    expect(dce(`function f
      slot0: 8 bytes (key)
      entry:
        v0 = arg 0
        v1 = 1
        store.64 [slot0 + 0], v1
        atomic_add.64 [v0 + 0], v1
        v2 = call 6(v0, 8)
        ret 0`)).toBe(ir(`function f
      slot0: 8 bytes (key)
      entry:
        v0 = arg 0
        v1 = 1
        store.64 [slot0 + 0], v1
        atomic_add.64 [v0 + 0], v1
        call 6(v0, 8)
        ret 0`));
  });

  test("removes a call to an effect-free helper whose result is unread", () => {
    expect(dce(`function f
      entry:
        v1 = call 14()
        v2 = call 5()
        ret 0`)).toBe(ir(`function f
      entry:
        ret 0`));
  });

  test("keeps a loop variable read after the loop, and copies of a register to itself go", () => {
    expect(dce(`function f
      entry:
        v1 = 0
        br head
      head:
        if lt64 v1, 10 then body else done
      body:
        v1 = add64 v1, 1
        v1 = v1
        br head
      done:
        ret v1`)).toBe(ir(`function f
      entry:
        v1 = 0
        br head
      head:
        if lt64 v1, 10 then body else done
      body:
        v1 = add64 v1, 1
        br head
      done:
        ret v1`));
  });
});
