/** &, | and ^ on u32 values. */
import { test, u32 } from "@ts-bpf/probes";

// expect(0xff00ff00, 0x0ff00ff0): 0x0f000f00
test("and", (ctx) => u32(ctx.arg(0)) & u32(ctx.arg(1)));

// expect(0xff00ff00, 0x0ff00ff0): 0xfff0fff0
test("or", (ctx) => u32(ctx.arg(0)) | u32(ctx.arg(1)));

// expect(0xff00ff00, 0x0ff00ff0): 0xf0f0f0f0
test("xor", (ctx) => u32(ctx.arg(0)) ^ u32(ctx.arg(1)));
