/** Signed division by zero is 0; signed modulo zero is the dividend. */
import { i32, i64, test } from "@ts-bpf/probes";

// expect(-7, 0): 0
test("i32 divided by zero", (ctx) => i32(ctx.arg(0)) / i32(ctx.arg(1)));

// expect(-7, 0): -7
test("i32 modulo zero", (ctx) => i32(ctx.arg(0)) % i32(ctx.arg(1)));

// expect(-7, 0): 1
test("i64 modulo zero", (ctx) => i64(ctx.arg(0)) % i64(ctx.arg(1)) === -7n ? 1 : 0);
