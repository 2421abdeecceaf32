/** Stats keeps count, sum, min and max together. */
import { Stats, test, u32 } from "@ts-bpf/probes";

const latency = new Stats({ name: "latency", unit: "ns" });
const perKey = new Stats<u32>();

// expect(30): 0
// expect(10): 0
// expect(20): 0
// expect-map: latency = { count: 3, sum: 60, min: 10, max: 30 }
test("keyless", (ctx) => {
  latency.record(ctx.arg(0));
  return 0;
});

// expect(4, 0): 0
// expect(4, 8): 0
// expect(5, 7): 0
// expect-map: perKey[4] = { count: 2, sum: 8, min: 0, max: 8 }
// expect-map: perKey[5] = { count: 1, sum: 7, min: 7, max: 7 }
test("keyed", (ctx) => {
  perKey.record(ctx.arg(1), u32(ctx.arg(0)));
  return 0;
});
