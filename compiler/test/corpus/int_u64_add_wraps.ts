/** u64 addition wraps at 64 bits: 0xffffffffffffffff + 2 is 1. */
import { test, u64 } from "@ts-bpf/probes";

// expect(0xffffffffffffffff, 2): 1
// expect(0xfffffffffffffffe, 1): 0xffffffff
test("sum wraps at 64 bits", (ctx) => {
  const s: u64 = ctx.arg(0) + ctx.arg(1);
  return s;
});

// expect(0xffffffff, 1): 1
test("a u64 sum does not wrap at 32 bits", (ctx) => {
  const s: u64 = ctx.arg(0) + ctx.arg(1);
  return s === 0x100000000n ? 1 : 0;
});
