/** A function's declared signed result keeps its sign in the caller. */
import { i32, test } from "@ts-bpf/probes";

function negate(x: i32): i32 {
  return -x;
}

// expect(5): -5
// expect(-3): 3
test("negate", (ctx) => negate(i32(ctx.arg(0))));

// expect(5): 1
test("negative result compares below zero", (ctx) => negate(i32(ctx.arg(0))) < 0 ? 1 : 0);
