/** Negating an unsigned value wraps: -1 as u32 is 0xffffffff; -x as u8 is 256 - x. */
import { test, u32, u8 } from "@ts-bpf/probes";

// expect(1): 0xffffffff
// expect(0): 0
// expect(0x80000000): 0x80000000
test("u32 negation", (ctx) => {
  const x: u32 = u32(ctx.arg(0));
  const n: u32 = -x;
  return n;
});

// expect(1): 255
// expect(200): 56
test("u8 negation", (ctx) => {
  const x: u8 = u8(ctx.arg(0));
  const n: u8 = -x;
  return n;
});
