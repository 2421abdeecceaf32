/** u32 addition wraps at 32 bits: 0xffffffff + 2 is 1. */
import { test, u32 } from "@ts-bpf/probes";

// expect(0xffffffff, 2): 1
// expect(0x80000000, 0x80000000): 0
// expect(1, 2): 3
test("sum wraps at 32 bits", (ctx) => {
  const s: u32 = u32(ctx.arg(0)) + u32(ctx.arg(1));
  return s;
});

// expect(0xffffffff, 2): 1
test("the wrapped sum compares as small", (ctx) => {
  const s: u32 = u32(ctx.arg(0)) + u32(ctx.arg(1));
  return s < 2 ? 1 : 0;
});
