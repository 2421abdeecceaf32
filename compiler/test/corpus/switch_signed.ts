/** Negative case labels match a signed discriminant. */
import { i32, test } from "@ts-bpf/probes";

// expect(-1): 1
// expect(0xffffffff): 1
// expect(1): 2
// expect(0): 0
test("minus one", (ctx) => {
  switch (i32(ctx.arg(0))) {
    case -1: return 1;
    case 1: return 2;
    default: return 0;
  }
});
