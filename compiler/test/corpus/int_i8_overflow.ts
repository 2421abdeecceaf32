/** i8 arithmetic wraps into the signed range: 127 + 1 is -128, -128 - 1 is 127. */
import { i8, test } from "@ts-bpf/probes";

// expect(127, 1): -128
// expect(-128, -1): 127
// expect(-100, -100): 56
test("sum wraps in the signed byte range", (ctx) => {
  const s: i8 = i8(ctx.arg(0)) + i8(ctx.arg(1));
  return s;
});

// expect(127, 1): 1
test("the wrapped sum is negative", (ctx) => {
  const s: i8 = i8(ctx.arg(0)) + i8(ctx.arg(1));
  return s < 0 ? 1 : 0;
});
