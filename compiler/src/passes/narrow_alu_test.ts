import { describe, expect, test } from "bun:test";
import { narrowAlu } from "./narrow_alu.ts";
import { applyPass, ir } from "./pass_testing.ts";

const narrow = (text: string) => applyPass(narrowAlu, ir(text));

describe("narrow-alu", () => {
  test("u32 arithmetic followed by its truncation becomes one 32-bit operation", () => {
    expect(narrow(`function f
      entry:
        v0 = arg 0
        v1 = load.u32 [v0 + 0]
        v1 = add64 v1, 1
        v1 = (u32) v1
        v2 = mul64 v1, v1
        v3 = (u32) v2
        v4 = neg64 v3
        v5 = (u32) v4
        ret v5`)).toBe(ir(`function f
      entry:
        v0 = arg 0
        v1 = load.u32 [v0 + 0]
        v1 = add32 v1, 1
        v3 = mul32 v1, v1
        v5 = neg32 v3
        ret v5`));
  });

  test("operations whose low half depends on the high half are not narrowed", () => {
    const text = ir(`function f
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        v2 = rsh64 v1, 3
        v3 = (u32) v2
        v4 = div64 v1, 10
        v5 = (u32) v4
        v6 = lsh64 v1, v3
        v7 = (u32) v6
        ret v7`);
    expect(narrow(text)).toBe(text);
  });

  test("the wide value stays when something else reads it", () => {
    const text = ir(`function f
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 0]
        v2 = add64 v1, 1
        v3 = (u32) v2
        v4 = add64 v2, v3
        ret v4`);
    expect(narrow(text)).toBe(text);
  });

  test("a truncation read only by stores of 4 bytes or fewer is dropped", () => {
    expect(narrow(`function f
      slot0: 8 bytes (key)
      entry:
        v1 = call 14()
        v2 = (u32) v1
        store.32 [slot0 + 0], v2
        store.16 [slot0 + 4], v2
        ret 0`)).toBe(ir(`function f
      slot0: 8 bytes (key)
      entry:
        v1 = call 14()
        store.32 [slot0 + 0], v1
        store.16 [slot0 + 4], v1
        ret 0`));
  });

  test("a sign extension read only by stores no wider than what it keeps is dropped", () => {
    expect(narrow(`function f
      slot0: 8 bytes (key)
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 16]
        v2 = (s32) v1
        store.32 [slot0 + 0], v2
        v3 = (s16) v1
        store.32 [slot0 + 4], v3
        ret 0`)).toBe(ir(`function f
      slot0: 8 bytes (key)
      entry:
        v0 = arg 0
        v1 = load.u64 [v0 + 16]
        store.32 [slot0 + 0], v1
        v3 = (s16) v1
        store.32 [slot0 + 4], v3
        ret 0`));
  });

  test("truncating a value whose high half is already zero is a copy", () => {
    expect(narrow(`function f
      entry:
        v0 = arg 0
        v1 = load.u32 [v0 + 0]
        v2 = (u32) v1
        v3 = add32 v2, 1
        v4 = (u32) v3
        v5 = load.u64 [v0 + 8]
        v6 = (u32) v5
        v7 = add64 v4, v6
        ret v7`)).toBe(ir(`function f
      entry:
        v0 = arg 0
        v1 = load.u32 [v0 + 0]
        v2 = v1
        v3 = add32 v2, 1
        v4 = v3
        v5 = load.u64 [v0 + 8]
        v6 = (u32) v5
        v7 = add64 v4, v6
        ret v7`));
  });

  test("a truncation also read as a full register stays", () => {
    const text = ir(`function f
      slot0: 8 bytes (key)
      entry:
        v1 = call 14()
        v2 = (u32) v1
        store.32 [slot0 + 0], v2
        ret v2`);
    expect(narrow(text)).toBe(text);
  });
});
