/** Untyped consts are compile-time values: they fold, and adapt to the type they meet. */
import { test, u8 } from "@ts-bpf/probes";

// expect: 42
test("folded arithmetic", () => {
  const a = 6;
  const b = 7;
  return a * b;
});

// expect(250): 4
test("an untyped const meets a u8", (ctx) => {
  const step = 10;
  const r: u8 = u8(ctx.arg(0)) + step;
  return r;
});
