/** An aggregation updated on every loop iteration. */
import { Count, test, u32 } from "@ts-bpf/probes";

const evens = new Count<u32>();

// expect: 0
// expect-map: evens[0] = 5
// expect-map: evens[1] = 5
test("count parity of 0..9", () => {
  for (let i: u32 = 0; i < 10; i++) evens.increment(i % 2);
  return 0;
});
