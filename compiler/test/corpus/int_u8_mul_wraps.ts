/** u8 multiplication: 16 * 16 = 256 is 0 in a byte; 15 * 17 = 255 fits. */
import { test, u8 } from "@ts-bpf/probes";

// expect(16, 16): 0
// expect(15, 17): 255
// expect(3, 100): 44
test("product wraps at 8 bits", (ctx) => {
  const p: u8 = u8(ctx.arg(0)) * u8(ctx.arg(1));
  return p;
});
