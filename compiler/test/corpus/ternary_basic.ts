/** The conditional operator picks one of two values. */
import { test, u32 } from "@ts-bpf/probes";

// expect(3, 9): 9
// expect(9, 3): 9
test("max of two", (ctx) => {
  const a = u32(ctx.arg(0));
  const b = u32(ctx.arg(1));
  return a > b ? a : b;
});

// expect(1): 100
// expect(0): 200
test("literal branches", (ctx) => {
  const r: u32 = ctx.arg(0) !== 0n ? 100 : 200;
  return r;
});
