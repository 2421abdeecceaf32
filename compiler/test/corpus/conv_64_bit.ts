/** Conversions to and from 64 bits: u64(-1 as i32) is all ones; i64(0xffffffff as u32) is positive. */
import { i32, i64, test, u32, u64 } from "@ts-bpf/probes";

// expect(0xffffffff): 1
test("u64 of a negative i32 sign-extends", (ctx) =>
  u64(i32(ctx.arg(0))) === 0xffffffffffffffffn ? 1 : 0);

// expect(0xffffffff): 1
test("i64 of a u32 zero-extends", (ctx) => i64(u32(ctx.arg(0))) === 4294967295n ? 1 : 0);

// expect(0xffffffffffffffff): 1
test("i64 of all ones is -1", (ctx) => i64(ctx.arg(0)) === -1n ? 1 : 0);
