/** A step that does not divide the range: min 0, max 10, step 3 → buckets 0 … 5, the last for 10+. */
import { LinearHistogram, test } from "@ts-bpf/probes";

const l = new LinearHistogram({ min: 0, max: 10, step: 3 });

// expect(0): 0
// expect(9): 0
// expect(10): 0
// expect(11): 0
// expect-map: l[1] = 1
// expect-map: l[4] = 1
// expect-map: l[5] = 2
test("bucket of each value", (ctx) => {
  l.record(ctx.arg(0));
  return 0;
});
