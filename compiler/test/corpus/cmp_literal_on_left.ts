/** A literal on the left of a comparison: 10 < x is x > 10. */
import { i32, test, u32 } from "@ts-bpf/probes";

// expect(11): 1
// expect(10): 0
// expect(3): 0
test("10 < x", (ctx) => 10 < u32(ctx.arg(0)) ? 1 : 0);

// expect(-11): 1
// expect(-10): 1
// expect(0): 0
test("-10 >= x (signed)", (ctx) => -10 >= i32(ctx.arg(0)) ? 1 : 0);
