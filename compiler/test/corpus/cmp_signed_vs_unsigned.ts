/** The same bits compare differently by signedness: -1 < 1 as i32, but 0xffffffff > 1 as u32. */
import { i32, test, u32 } from "@ts-bpf/probes";

// expect(0xffffffff, 1): 1
// expect(1, 0xffffffff): 0
test("signed: all ones is -1, below 1", (ctx) => i32(ctx.arg(0)) < i32(ctx.arg(1)) ? 1 : 0);

// expect(0xffffffff, 1): 0
// expect(1, 0xffffffff): 1
test("unsigned: all ones is the largest", (ctx) => u32(ctx.arg(0)) < u32(ctx.arg(1)) ? 1 : 0);
