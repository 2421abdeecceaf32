/** An i32 widened to i64 keeps its sign, so i64 arithmetic with it is exact. */
import { i32, i64, test } from "@ts-bpf/probes";

// expect(-5, -7): 1
// expect(0x7fffffff, 1): 0
test("i64 + i64(i32)", (ctx) => i64(ctx.arg(0)) + i64(i32(ctx.arg(1))) === -12n ? 1 : 0);

// expect(0x7fffffff, 0x7fffffff): 1
test("no 32-bit wrap after widening", (ctx) =>
  i64(i32(ctx.arg(0))) + i64(i32(ctx.arg(1))) === 4294967294n ? 1 : 0);
