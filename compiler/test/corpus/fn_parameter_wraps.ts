/**
 * An argument wider than its parameter is converted like an assignment: 0x1ff becomes u8 255.
 * Arithmetic happens at the operands' type, so inside the function b + 1 is a u8 sum.
 */
import { test, u32, u8 } from "@ts-bpf/probes";

function identity(b: u8): u32 {
  return b;
}

function next(b: u8): u32 {
  return b + 1;
}

function nextWide(b: u8): u32 {
  return u32(b) + 1;
}

// expect(0x1ff): 255
// expect(0x100): 0
test("u8 parameter", (ctx) => identity(u32(ctx.arg(0))));

// expect(0x1ff): 0
// expect(4): 5
test("u8 sum wraps before it widens", (ctx) => next(u8(ctx.arg(0))));

// expect(0x1ff): 256
test("widen first to get 256", (ctx) => nextWide(u8(ctx.arg(0))));
