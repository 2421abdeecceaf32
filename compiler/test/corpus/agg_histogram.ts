/**
 * Histogram buckets by powers of two, like bpftrace's hist(): bucket 0 holds 0, bucket k holds
 * [2^(k-1), 2^k): 1 → 1, 2..3 → 2, 4..7 → 3, 1024 → 11, 2^63 → 64.
 */
import { Histogram, test } from "@ts-bpf/probes";

const h = new Histogram({ name: "sizes" });

// expect(0): 0
// expect(1): 0
// expect(2): 0
// expect(3): 0
// expect(4): 0
// expect(7): 0
// expect(8): 0
// expect(1024): 0
// expect(2047): 0
// expect(0x8000000000000000): 0
// expect(0xffffffffffffffff): 0
// expect-map: h[0] = 1
// expect-map: h[1] = 1
// expect-map: h[2] = 2
// expect-map: h[3] = 2
// expect-map: h[4] = 1
// expect-map: h[5] = 0
// expect-map: h[11] = 2
// expect-map: h[64] = 2
test("bucket of each value", (ctx) => {
  h.record(ctx.arg(0));
  return 0;
});
