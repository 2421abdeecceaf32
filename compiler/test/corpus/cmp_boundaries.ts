/** Comparisons at the edges of a type's range. */
import { i8, test, u32, u8 } from "@ts-bpf/probes";

// expect(255): 0
// expect(0x1ff): 0
test("a u8 is never above 255", (ctx) => u8(ctx.arg(0)) > 255 ? 1 : 0);

// expect(0x80): 0
// expect(0x7f): 1
test("an i8 is never below -128, and -128 is not above 126", (ctx) =>
  i8(ctx.arg(0)) < -128 ? 2 : i8(ctx.arg(0)) > 126 ? 1 : 0);

// expect(0xffffffff): 1
// expect(0xfffffffe): 0
test("u32 equals its largest value", (ctx) => u32(ctx.arg(0)) === 0xffffffff ? 1 : 0);
