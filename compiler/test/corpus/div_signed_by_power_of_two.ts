/**
 * Signed division and remainder by constant powers of two truncate toward zero: -7 / 2 is -3
 * (an arithmetic shift would give -4), -7 % 4 is -3.
 */
import { i32, i64, test } from "@ts-bpf/probes";

// expect(-7): -3
// expect(7): 3
// expect(-8): -4
// expect(-1): 0
test("i32 / 2", (ctx) => i32(ctx.arg(0)) / 2);

// expect(-7): -3
// expect(-8): 0
// expect(9): 1
test("i32 % 4", (ctx) => i32(ctx.arg(0)) % 4);

// expect(-17): 1
test("i64 / 8", (ctx) => i64(ctx.arg(0)) / 8n === -2n ? 1 : 0);
