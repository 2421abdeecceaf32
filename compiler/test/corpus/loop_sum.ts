/** A bounded for loop: the sum of 0..9 is 45. */
import { test, u32 } from "@ts-bpf/probes";

// expect: 45
test("sum of 0..9", () => {
  let sum: u32 = 0;
  for (let i: u32 = 0; i < 10; i++) sum += i;
  return sum;
});

// expect: 55
test("inclusive bound", () => {
  let sum: u32 = 0;
  for (let i: u32 = 1; i <= 10; i++) sum += i;
  return sum;
});
