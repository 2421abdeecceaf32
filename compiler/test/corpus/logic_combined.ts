/** && binds tighter than ||; ! negates a whole group. */
import { test, u32 } from "@ts-bpf/probes";

// expect(1, 1, 0): 1
// expect(0, 1, 0): 0
// expect(0, 0, 1): 1
test("a && b || c", (ctx) => {
  const a = u32(ctx.arg(0));
  const b = u32(ctx.arg(1));
  const c = u32(ctx.arg(2));
  return a !== 0 && b !== 0 || c !== 0 ? 1 : 0;
});

// expect(1, 1): 0
// expect(1, 0): 1
test("!(a && b)", (ctx) => !(ctx.arg(0) !== 0n && ctx.arg(1) !== 0n) ? 1 : 0);
