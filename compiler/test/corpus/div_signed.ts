/** Signed division truncates toward zero, and the remainder takes the dividend's sign. */
import { i32, test } from "@ts-bpf/probes";

// expect(-7, 2): -3
// expect(7, -2): -3
// expect(-7, -2): 3
// expect(7, 2): 3
test("i32 quotient", (ctx) => i32(ctx.arg(0)) / i32(ctx.arg(1)));

// expect(-7, 2): -1
// expect(7, -2): 1
// expect(-7, -2): -1
test("i32 remainder", (ctx) => i32(ctx.arg(0)) % i32(ctx.arg(1)));
