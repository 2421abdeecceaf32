/** u16 multiplication keeps the low 16 bits: 300 * 300 = 90000 = 65536 + 24464. */
import { test, u16 } from "@ts-bpf/probes";

// expect(300, 300): 24464
// expect(256, 256): 0
// expect(255, 257): 65535
test("product wraps at 16 bits", (ctx) => {
  const a = u16(ctx.arg(0));
  const b = u16(ctx.arg(1));
  const p: u16 = a * b;
  return p;
});
