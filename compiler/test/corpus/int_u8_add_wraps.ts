/** u8 addition wraps at 8 bits: 250 + 10 = 260, which is 4 in a byte. */
import { test, u8 } from "@ts-bpf/probes";

// expect: 4
test("constant operands", () => {
  const a: u8 = 250;
  const b: u8 = a + 10;
  return b;
});

// expect(250, 10): 4
// expect(255, 1): 0
// expect(100, 27): 127
test("runtime operands", (ctx) => {
  const a = u8(ctx.arg(0));
  const b = u8(ctx.arg(1));
  const sum: u8 = a + b;
  return sum;
});
