/** Nested conditionals classify a value. */
import { i32, test } from "@ts-bpf/probes";

// expect(-5): -1
// expect(0): 0
// expect(5): 1
test("sign", (ctx) => {
  const x = i32(ctx.arg(0));
  const s: i32 = x < 0 ? -1 : x === 0 ? 0 : 1;
  return s;
});
