/** i32 addition wraps: 0x7fffffff + 1 is -2147483648, and it compares as negative. */
import { i32, test } from "@ts-bpf/probes";

// expect(0x7fffffff, 1): -2147483648
// expect(-2147483648, -1): 2147483647
test("sum wraps in the signed 32-bit range", (ctx) => {
  const s: i32 = i32(ctx.arg(0)) + i32(ctx.arg(1));
  return s;
});

// expect(0x7fffffff, 1): 1
// expect(1, 1): 0
test("a wrapped sum is below zero", (ctx) => {
  const s: i32 = i32(ctx.arg(0)) + i32(ctx.arg(1));
  return s < 0 ? 1 : 0;
});
