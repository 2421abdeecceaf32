/** i8 multiplication wraps into the signed range: 16 * 8 = 128 is -128; -3 * 50 = -150 is 106. */
import { i8, test } from "@ts-bpf/probes";

// expect(16, 8): -128
// expect(-3, 50): 106
// expect(-1, -1): 1
test("product wraps in the signed byte range", (ctx) => {
  const p: i8 = i8(ctx.arg(0)) * i8(ctx.arg(1));
  return p;
});
