/** continue skips to the next iteration: the sum of the odd numbers below 10 is 25. */
import { test, u32 } from "@ts-bpf/probes";

// expect: 25
test("sum of odd numbers", () => {
  let sum: u32 = 0;
  for (let i: u32 = 0; i < 10; i++) {
    if (i % 2 === 0) continue;
    sum += i;
  }
  return sum;
});
