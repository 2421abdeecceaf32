/** Count.increment(key, by) adds more than one. */
import { Count, test, u32 } from "@ts-bpf/probes";

const weighted = new Count<u32>();

// expect(7, 5): 0
// expect(7, 10): 0
// expect-map: weighted[7] = 15
test("add a weight", (ctx) => {
  weighted.increment(u32(ctx.arg(0)), ctx.arg(1));
  return 0;
});
