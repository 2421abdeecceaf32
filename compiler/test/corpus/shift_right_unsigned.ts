/** >> on an unsigned type is logical: zeros come in; >>> means the same on unsigned types. */
import { test, u32 } from "@ts-bpf/probes";

// expect(0x80000000, 31): 1
// expect(0xf0000000, 28): 15
test("u32 >> n", (ctx) => u32(ctx.arg(0)) >> u32(ctx.arg(1)));

// expect(0xf0000000, 28): 15
test("u32 >>> n", (ctx) => u32(ctx.arg(0)) >>> u32(ctx.arg(1)));

// expect(0x8000000000000000, 63): 1
// expect(0xffffffffffffffff, 32): 0xffffffff
test("u64 >> n", (ctx) => ctx.arg(0) >> ctx.arg(1));
