/** random() gives 32 random bits: eight draws are not all zero, and are not all equal. */
import { random, test, u32 } from "@ts-bpf/probes";

// expect: 1
test("not all equal", () => {
  const first = random();
  let differs: u32 = 0;
  for (let i: u32 = 0; i < 7; i++) {
    if (random() !== first) differs = 1;
  }
  return differs;
});

// expect: 1
test("fits 32 bits", () => {
  const r: u32 = random();
  return r <= 0xffffffff ? 1 : 0;
});
