/** A keyed histogram: one set of buckets per key; the map key is { key, bucket }. */
import { Histogram, test, u32 } from "@ts-bpf/probes";

const byCpu = new Histogram<u32>();

// expect(1, 5): 0
// expect(1, 6): 0
// expect(2, 5): 0
// expect(1, 100): 0
// expect-map: byCpu[{ key: 1, bucket: 3 }] = 2
// expect-map: byCpu[{ key: 2, bucket: 3 }] = 1
// expect-map: byCpu[{ key: 1, bucket: 7 }] = 1
// expect-map: byCpu[{ key: 2, bucket: 7 }] = none
test("per key", (ctx) => {
  byCpu.record(ctx.arg(1), u32(ctx.arg(0)));
  return 0;
});
