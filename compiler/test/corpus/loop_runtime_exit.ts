/** A constant bound with an early exit that depends on the input. */
import { test, u32 } from "@ts-bpf/probes";

// expect(5): 10
// expect(0): 0
// expect(200): 4950
test("sum below n, at most 100 iterations", (ctx) => {
  const n = u32(ctx.arg(0));
  let sum: u32 = 0;
  for (let i: u32 = 0; i < 100; i++) {
    if (i >= n) break;
    sum += i;
  }
  return sum;
});
