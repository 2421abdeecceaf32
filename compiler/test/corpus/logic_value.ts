/** A logical expression stored as a bool is 0 or 1. */
import { type bool, test, u32 } from "@ts-bpf/probes";

// expect(3, 4): 1
// expect(3, 0): 0
test("both nonzero", (ctx) => {
  const both: bool = u32(ctx.arg(0)) !== 0 && u32(ctx.arg(1)) !== 0;
  return both ? 1 : 0;
});

// expect(0, 0): 0
// expect(0, 9): 1
test("either nonzero", (ctx) => {
  const either: bool = ctx.arg(0) !== 0n || ctx.arg(1) !== 0n;
  return either ? 1 : 0;
});
