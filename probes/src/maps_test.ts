/**
 * Tests of the maps' userspace side, bound to a scripted binding instead of a kernel map.
 */
import { describe, expect, test } from "bun:test";
import { BIND, type MapBinding } from "./binding.ts";
import { StackTraceMap } from "./maps.ts";

function binding(values: Map<unknown, unknown>): MapBinding {
  return {
    lookup: (key) => values.get(key),
    update: (key, value) => void values.set(key, value),
    delete: (key) => values.delete(key),
    entries: () => values.entries(),
    subscribe: () => {},
  };
}

describe("StackTraceMap", () => {
  test("get() returns a stack's addresses without the zeroed frames after it", () => {
    const stacks = new StackTraceMap({ entries: 16, depth: 5 });
    stacks[BIND](binding(new Map([[3, [0xffff1n, 0xffff2n, 0n, 0n, 0n]]])));
    expect(stacks.get(3)).toEqual([0xffff1n, 0xffff2n]);
  });

  test("get() of an unknown id or of a failed capture (a negative id) is undefined", () => {
    const stacks = new StackTraceMap({ entries: 16 });
    stacks[BIND](binding(new Map()));
    expect(stacks.get(4)).toBeUndefined();
    expect(stacks.get(-14)).toBeUndefined();
  });
});
