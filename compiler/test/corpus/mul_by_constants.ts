/** Multiplication by constants (powers of two and others) wraps at the declared width. */
import { i32, test, u32, u8 } from "@ts-bpf/probes";

// expect(3): 24
// expect(0x20000000): 0
test("u32 * 8", (ctx) => u32(ctx.arg(0)) * 8);

// expect(100): 44
test("u8 * 3", (ctx) => {
  const r: u8 = u8(ctx.arg(0)) * 3;
  return r;
});

// expect(-3): -12
test("i32 * 4", (ctx) => i32(ctx.arg(0)) * 4);

// expect(7): 0
test("x * 0", (ctx) => u32(ctx.arg(0)) * 0);
