/** Comparing a u8 with a u32 widens the u8 (same signedness); an i64 with a u32 widens both to i64. */
import { i64, test, u32, u8 } from "@ts-bpf/probes";

// expect(255, 256): 1
// expect(0x1ff, 255): 0
test("u8 below u32", (ctx) => u8(ctx.arg(0)) < u32(ctx.arg(1)) ? 1 : 0);

// expect(0x1ff, 255): 1
test("u8 equals u32", (ctx) => u8(ctx.arg(0)) === u32(ctx.arg(1)) ? 1 : 0);

// expect(0xffffffffffffffff, 0): 1
// expect(5, 0xffffffff): 1
// expect(0x100000000, 0xffffffff): 0
test("i64 against u32", (ctx) => i64(ctx.arg(0)) < u32(ctx.arg(1)) ? 1 : 0);
