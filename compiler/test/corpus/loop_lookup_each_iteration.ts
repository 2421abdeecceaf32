/** A map lookup inside a loop, null-checked on every iteration. */
import { ArrayMap, test, u32, u64 } from "@ts-bpf/probes";

const values = new ArrayMap<u64>({ entries: 8 });

// expect: 28
test("sum of indexes stored then read back", () => {
  for (let i: u32 = 0; i < 8; i++) values.set(i, u64(i));
  let sum: u64 = 0n;
  for (let i: u32 = 0; i < 8; i++) {
    const v = values.get(i);
    if (v === undefined) continue;
    sum += v;
  }
  return sum;
});
