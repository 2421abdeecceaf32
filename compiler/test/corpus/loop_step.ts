/** Loops may step by a constant and test with !==. */
import { test, u32 } from "@ts-bpf/probes";

// expect: 20
test("step by 2", () => {
  let sum: u32 = 0;
  for (let i: u32 = 0; i < 10; i += 2) sum += i;
  return sum;
});

// expect: 8
test("!== bound", () => {
  let n: u32 = 0;
  for (let i: u32 = 0; i !== 8; i++) n++;
  return n;
});
