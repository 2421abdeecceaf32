/** break leaves the loop early: find the first i with i * i >= n. */
import { test, u32 } from "@ts-bpf/probes";

// expect(50): 8
// expect(0): 0
// expect(10000): 64
test("integer square root ceiling, capped at 64", (ctx) => {
  const n = u32(ctx.arg(0));
  let i: u32 = 0;
  for (; i < 64; i++) {
    if (i * i >= n) break;
  }
  return i;
});
