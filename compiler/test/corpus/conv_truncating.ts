/** Conversions to narrower unsigned types keep the low bits: u8(0x1234) is 0x34. */
import { test, u16, u32, u8 } from "@ts-bpf/probes";

// expect(0x1234): 0x34
// expect(0xffffffffffffffff): 0xff
test("u8()", (ctx) => u8(ctx.arg(0)));

// expect(0x12345): 0x2345
test("u16()", (ctx) => u16(ctx.arg(0)));

// expect(0x100000005): 5
test("u32()", (ctx) => u32(ctx.arg(0)));
