/**
 * LinearHistogram({ min: 10, max: 100, step: 10 }): bucket 0 below 10, bucket 1 + (v - 10) / 10
 * inside, and the last (10) at 100 or above.
 */
import { LinearHistogram, test } from "@ts-bpf/probes";

const l = new LinearHistogram({ min: 10, max: 100, step: 10 });

// expect(3): 0
// expect(10): 0
// expect(19): 0
// expect(20): 0
// expect(99): 0
// expect(100): 0
// expect(5000): 0
// expect-map: l[0] = 1
// expect-map: l[1] = 2
// expect-map: l[2] = 1
// expect-map: l[9] = 1
// expect-map: l[10] = 2
test("bucket of each value", (ctx) => {
  l.record(ctx.arg(0));
  return 0;
});
