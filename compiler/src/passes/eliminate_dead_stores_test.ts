import { describe, expect, test } from "bun:test";
import { eliminateDeadStores } from "./eliminate_dead_stores.ts";
import { applyPass, ir } from "./pass_testing.ts";

const dse = (text: string) => applyPass(eliminateDeadStores, ir(text));

describe("eliminate-dead-stores", () => {
  test("a store whose bytes are all overwritten before any read goes", () => {
    expect(dse(`function f
      slot0: 8 bytes (key)
      entry:
        v0 = arg 0
        store.32 [slot0 + 0], 0
        store.32 [slot0 + 0], v0
        v1 = &slot0 + 0
        call 1(v0, v1)
        ret 0`)).toBe(ir(`function f
      slot0: 8 bytes (key)
      entry:
        v0 = arg 0
        store.32 [slot0 + 0], v0
        v1 = &slot0 + 0
        call 1(v0, v1)
        ret 0`));
  });

  test("a store partly overwritten stays: its other bytes may be read", () => {
    const text = ir(`function f
      slot0: 8 bytes (key)
      entry:
        v0 = arg 0
        store.64 [slot0 + 0], 0
        store.32 [slot0 + 0], v0
        v1 = &slot0 + 0
        call 1(v0, v1)
        ret 0`);
    expect(dse(text)).toBe(text);
  });

  test("stores nothing reads before the program ends go", () => {
    expect(dse(`function f
      slot0: 8 bytes (a)
      entry:
        v0 = arg 0
        store.64 [slot0 + 0], v0
        v1 = load.u32 [slot0 + 0]
        store.64 [slot0 + 0], 7
        ret v1`)).toBe(ir(`function f
      slot0: 8 bytes (a)
      entry:
        v0 = arg 0
        store.64 [slot0 + 0], v0
        v1 = load.u32 [slot0 + 0]
        ret v1`));
  });

  test("zeroing before a helper that fills the buffer goes; before one that may not, it stays", () => {
    expect(dse(`function f
      slot0: 32 bytes (record)
      entry:
        v0 = arg 0
        store.64 [slot0 + 0], 0
        store.64 [slot0 + 8], 0
        store.64 [slot0 + 16], 0
        store.64 [slot0 + 24], 0
        v1 = &slot0 + 0
        v2 = call 16(v1, 16)
        v3 = &slot0 + 16
        v4 = call 114(v3, 16, v0)
        v5 = map events
        v6 = call 130(v5, v1, 32, 0)
        ret 0`)).toBe(ir(`function f
      slot0: 32 bytes (record)
      entry:
        v0 = arg 0
        store.64 [slot0 + 16], 0
        store.64 [slot0 + 24], 0
        v1 = &slot0 + 0
        v2 = call 16(v1, 16)
        v3 = &slot0 + 16
        v4 = call 114(v3, 16, v0)
        v5 = map events
        v6 = call 130(v5, v1, 32, 0)
        ret 0`));
  });

  test("a read through a pointer of unknown origin keeps the stores to escaped slots", () => {
    const text = ir(`function f
      slot0: 8 bytes (a)
      entry:
        v0 = arg 0
        v1 = &slot0 + 0
        v2 = add64 v1, v0
        store.64 [slot0 + 0], 1
        v3 = load.u8 [v2 + 0]
        ret v3`);
    expect(dse(text)).toBe(text);
  });

  test("a store read on one path only stays", () => {
    const text = ir(`function f
      slot0: 8 bytes (a)
      entry:
        v0 = arg 0
        store.64 [slot0 + 0], v0
        if eq64 v0, 0 then a else b
      a:
        v1 = load.u64 [slot0 + 0]
        ret v1
      b:
        ret 0`);
    expect(dse(text)).toBe(text);
  });
});
