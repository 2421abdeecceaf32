/** Nested loops: the inner loop runs fully for every outer iteration; break leaves only the inner. */
import { test, u32 } from "@ts-bpf/probes";

// expect: 100
test("10 x 10 iterations", () => {
  let n: u32 = 0;
  for (let i: u32 = 0; i < 10; i++) {
    for (let j: u32 = 0; j < 10; j++) n++;
  }
  return n;
});

// expect: 15
test("inner break leaves the inner loop only", () => {
  let n: u32 = 0;
  for (let i: u32 = 0; i < 5; i++) {
    for (let j: u32 = 0; j < 10; j++) {
      if (j === 3) break;
      n++;
    }
  }
  return n;
});
