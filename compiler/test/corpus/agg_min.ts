/** Min keeps the smallest value recorded, including a recorded 0. */
import { Min, test, u32 } from "@ts-bpf/probes";

const smallest = new Min();
const smallestByKey = new Min<u32>();

// expect(50): 0
// expect(20): 0
// expect(70): 0
// expect-map: smallest = 20
test("keyless", (ctx) => {
  smallest.record(ctx.arg(0));
  return 0;
});

// expect(0): 0
// expect(5): 0
// expect-map: smallest = 0
test("a recorded zero is the minimum", (ctx) => {
  smallest.record(ctx.arg(0));
  return 0;
});

// expect(9, 0): 0
// expect(9, 4): 0
// expect(8, 6): 0
// expect(8, 3): 0
// expect-map: smallestByKey[9] = 0
// expect-map: smallestByKey[8] = 3
test("keyed", (ctx) => {
  smallestByKey.record(ctx.arg(1), u32(ctx.arg(0)));
  return 0;
});
