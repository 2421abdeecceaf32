/** Negative literals of a signed type: -1 and the smallest i32. */
import { i32, test } from "@ts-bpf/probes";

// expect: -1
test("minus one", () => {
  const x: i32 = -1;
  return x;
});

// expect: -2147483648
test("the smallest i32", () => {
  const x: i32 = -2147483648;
  return x;
});

// expect(0xffffffff): 1
test("-1 equals an all-ones argument as i32", (ctx) => i32(ctx.arg(0)) === -1 ? 1 : 0);
