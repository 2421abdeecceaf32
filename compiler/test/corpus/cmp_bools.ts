/** Two bools compare with === and !==. */
import { type bool, test } from "@ts-bpf/probes";

// expect(1, 1): 1
// expect(0, 0): 1
// expect(1, 0): 0
test("equal truth", (ctx) => {
  const a: bool = ctx.arg(0) !== 0n;
  const b: bool = ctx.arg(1) !== 0n;
  return a === b ? 1 : 0;
});

// expect(5): 1
// expect(0): 0
test("compared with the literal true", (ctx) => {
  const a: bool = ctx.arg(0) !== 0n;
  return a === true ? 1 : 0;
});

// expect(5): 0
// expect(0): 1
test("!== false", (ctx) => {
  const a: bool = ctx.arg(0) !== 0n;
  return a !== false ? 0 : 1;
});
