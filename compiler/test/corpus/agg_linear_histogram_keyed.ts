/** A keyed linear histogram: { key, bucket } entries. */
import { LinearHistogram, test, u32 } from "@ts-bpf/probes";

const l = new LinearHistogram<u32>({ min: 0, max: 50, step: 25 });

// expect(1, 0): 0
// expect(1, 30): 0
// expect(2, 60): 0
// expect-map: l[{ key: 1, bucket: 1 }] = 1
// expect-map: l[{ key: 1, bucket: 2 }] = 1
// expect-map: l[{ key: 2, bucket: 3 }] = 1
test("per key", (ctx) => {
  l.record(ctx.arg(1), u32(ctx.arg(0)));
  return 0;
});
