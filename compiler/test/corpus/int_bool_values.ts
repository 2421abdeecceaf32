/** bool values are 0 or 1; a comparison stored in a bool keeps its truth. */
import { type bool, test } from "@ts-bpf/probes";

// expect(5): 1
// expect(0): 0
test("a comparison as a bool", (ctx) => {
  const positive: bool = ctx.arg(0) > 0n;
  return positive ? 1 : 0;
});

// expect: 1
test("the literal true", () => {
  const t: bool = true;
  return t ? 1 : 0;
});

// expect(3): 0
// expect(0): 1
test("negating a bool", (ctx) => {
  const zero: bool = !(ctx.arg(0) !== 0n);
  return zero ? 1 : 0;
});
