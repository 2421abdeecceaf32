/** u64 multiplication wraps at 64 bits: 2^32 * 2^32 is 0. */
import { test } from "@ts-bpf/probes";

// expect(0x100000000, 0x100000000): 0
// expect(0x100000000, 3): 0
// expect(0xffffffff, 0xffffffff): 1
test("product", (ctx) => ctx.arg(0) * ctx.arg(1));

// expect(0x100000000, 3): 1
test("product keeps the high half", (ctx) => ctx.arg(0) * ctx.arg(1) === 0x300000000n ? 1 : 0);
