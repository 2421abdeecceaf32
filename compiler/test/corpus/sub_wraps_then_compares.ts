/** A u32 difference that wraps is large: (a - b) > a when b > a. */
import { test, u32 } from "@ts-bpf/probes";

// expect(3, 5): 1
// expect(5, 3): 0
test("wrapped difference", (ctx) => {
  const a = u32(ctx.arg(0));
  const b = u32(ctx.arg(1));
  const d: u32 = a - b;
  return d > a ? 1 : 0;
});

// expect(3, 5): 0xfffffffe
test("its value", (ctx) => u32(ctx.arg(0)) - u32(ctx.arg(1)));
