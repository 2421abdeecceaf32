/** u8 subtraction below zero wraps: 3 - 5 is 254. */
import { test, u8 } from "@ts-bpf/probes";

// expect: 254
test("constant operands", () => {
  const a: u8 = 3;
  const b: u8 = a - 5;
  return b;
});

// expect(3, 5): 254
// expect(0, 255): 1
test("runtime operands", (ctx) => {
  const d: u8 = u8(ctx.arg(0)) - u8(ctx.arg(1));
  return d;
});
