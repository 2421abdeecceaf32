/** Widening keeps the value: a negative i8 stays negative as i32; u8 255 stays 255 as u32. */
import { i32, i8, test, u32, u8 } from "@ts-bpf/probes";

// expect(0xff): -1
// expect(0x7f): 127
test("i8 to i32", (ctx) => i32(i8(ctx.arg(0))));

// expect(0xff): 255
test("u8 to u32", (ctx) => u32(u8(ctx.arg(0))));

// expect(0xff): 0xffffffff
test("i8 to u32 reinterprets -1", (ctx) => u32(i8(ctx.arg(0))));
