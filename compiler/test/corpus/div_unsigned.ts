/** Unsigned division truncates: 100 / 7 = 14, 7 / 100 = 0. */
import { test, u32, u8 } from "@ts-bpf/probes";

// expect(100, 7): 14
// expect(7, 100): 0
// expect(0xffffffff, 2): 0x7fffffff
test("u32 quotient", (ctx) => u32(ctx.arg(0)) / u32(ctx.arg(1)));

// expect(200, 3): 66
// expect(255, 255): 1
test("u8 quotient", (ctx) => {
  const q: u8 = u8(ctx.arg(0)) / u8(ctx.arg(1));
  return q;
});

// expect(100, 7): 2
// expect(0xffffffff, 10): 5
test("u32 remainder", (ctx) => u32(ctx.arg(0)) % u32(ctx.arg(1)));
