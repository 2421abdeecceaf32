/** Conversions to signed types read the low bits as two's complement. */
import { i16, i32, i8, test } from "@ts-bpf/probes";

// expect(0xff): -1
// expect(0x80): -128
// expect(0x7f): 127
// expect(0x1ff): -1
test("i8()", (ctx) => i8(ctx.arg(0)));

// expect(0x8000): -32768
// expect(0x17fff): 32767
test("i16()", (ctx) => i16(ctx.arg(0)));

// expect(0xffffffff): -1
// expect(0x180000000): -2147483648
test("i32()", (ctx) => i32(ctx.arg(0)));
