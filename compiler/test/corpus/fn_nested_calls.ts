/** Inlined functions calling each other. */
import { test, u32 } from "@ts-bpf/probes";

function square(x: u32): u32 {
  return x * x;
}

function sumOfSquares(a: u32, b: u32): u32 {
  return square(a) + square(b);
}

// expect(3, 4): 25
test("3² + 4²", (ctx) => sumOfSquares(u32(ctx.arg(0)), u32(ctx.arg(1))));
