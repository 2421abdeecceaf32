/** A u64 with the top bit set is larger than any smaller value; as i64 it is negative. */
import { i64, test } from "@ts-bpf/probes";

// expect(0x8000000000000000, 1): 1
// expect(1, 0x8000000000000000): 0
test("unsigned 64-bit order", (ctx) => ctx.arg(0) > ctx.arg(1) ? 1 : 0);

// expect(0x8000000000000000, 1): 0
// expect(0xffffffffffffffff, 0): 0
// expect(0, 0xffffffffffffffff): 1
test("signed 64-bit order", (ctx) => i64(ctx.arg(0)) > i64(ctx.arg(1)) ? 1 : 0);
