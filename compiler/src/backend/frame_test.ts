/**
 * Stack layout: slots in use at different times share bytes; slots whose uses overlap, through
 * a loop, a pointer held in a register or a spilled pointer, do not.
 */
import { describe, expect, test } from "bun:test";
import { parseFunction } from "../ir/parse_ir.ts";
import { layoutFrame } from "./frame.ts";
import { ir } from "../passes/pass_testing.ts";

const SPAN = { file: "test.ts", start: 0, end: 0 };
const frame = (text: string) => layoutFrame(parseFunction(ir(text)), SPAN);

describe("stack layout", () => {
  test("two temporaries used one after the other share their bytes", () => {
    expect(frame(`function f
      slot0: 8 bytes (a)
      slot1: 8 bytes (b)
      entry:
        store.64 [slot0 + 0], 1
        v0 = load.u64 [slot0 + 0]
        store.64 [slot1 + 0], v0
        v1 = load.u64 [slot1 + 0]
        ret v1`)).toEqual({ offsets: [-8, -8], size: 8 });
  });

  test("a slot whose address a register still holds is in use until the register is read", () => {
    expect(frame(`function f
      slot0: 8 bytes (key)
      slot1: 8 bytes (other)
      entry:
        store.64 [slot0 + 0], 1
        v0 = &slot0 + 0
        v1 = add64 v0, 0
        store.64 [slot1 + 0], 2
        v2 = load.u64 [slot1 + 0]
        v3 = map m
        v4 = call 1(v3, v1)
        ret v2`)).toEqual({ offsets: [-8, -16], size: 16 });
  });

  test("a pointer spilled to a slot and reloaded keeps its slot in use", () => {
    expect(frame(`function f
      slot0: 8 bytes (record)
      slot1: 8 bytes (spill)
      slot2: 8 bytes (late)
      entry:
        v0 = &slot0 + 0
        store.64 [slot1 + 0], v0
        store.64 [slot2 + 0], 3
        v1 = load.u64 [slot2 + 0]
        v2 = load.u64 [slot1 + 0]
        store.64 [v2 + 0], v1
        ret 0`).offsets).toEqual([-8, -16, -24]);
  });

  test("a slot whose value goes around a loop is in use through the whole loop", () => {
    // slot0 is read early in the body and written later, for the next iteration: it holds a
    // value from there to the loop's end and around to the read, where slot1 is used.
    expect(frame(`function f
      slot0: 8 bytes (carried)
      slot1: 8 bytes (late in the body)
      entry:
        store.64 [slot0 + 0], 0
        br head
      head:
        v0 = load.u64 [slot0 + 0]
        v1 = add64 v0, 1
        store.64 [slot0 + 0], v1
        store.64 [slot1 + 0], v1
        v2 = load.u64 [slot1 + 0]
        if lt64 v2, 10 then head else done
      done:
        ret v2`).offsets).toEqual([-8, -16]);
  });

  test("slots keep their alignment when they share", () => {
    expect(frame(`function f
      slot0: 4 bytes (small)
      slot1: 16 bytes (big)
      entry:
        store.32 [slot0 + 0], 1
        v0 = load.u32 [slot0 + 0]
        store.64 [slot1 + 8], v0
        v1 = load.u64 [slot1 + 8]
        ret v1`)).toEqual({ offsets: [-8, -16], size: 16 });
  });
});
