/** Left shifts of a u32 drop the bits shifted past bit 31. */
import { test, u32 } from "@ts-bpf/probes";

// expect(1, 31): 0x80000000
// expect(3, 31): 0x80000000
// expect(0xffffffff, 4): 0xfffffff0
test("u32 << n", (ctx) => u32(ctx.arg(0)) << u32(ctx.arg(1)));
