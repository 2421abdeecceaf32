/** Avg is another name for Stats: the average is sum / count, computed by the reader. */
import { Avg, test } from "@ts-bpf/probes";

const sizes = new Avg();

// expect(100): 0
// expect(300): 0
// expect-map: sizes = { count: 2, sum: 400, min: 100, max: 300 }
test("two values", (ctx) => {
  sizes.record(ctx.arg(0));
  return 0;
});
