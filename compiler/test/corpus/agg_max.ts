/** Max keeps the largest value recorded (unsigned 64-bit). */
import { Max, test, u32 } from "@ts-bpf/probes";

const largest = new Max();
const largestByKey = new Max<u32>();

// expect(50): 0
// expect(20): 0
// expect(0xffffffffffffffff): 0
// expect(70): 0
// expect-map: largest = 0xffffffffffffffff
test("keyless", (ctx) => {
  largest.record(ctx.arg(0));
  return 0;
});

// expect(1, 3): 0
// expect(1, 9): 0
// expect(2, 0): 0
// expect-map: largestByKey[1] = 9
// expect-map: largestByKey[2] = 0
test("keyed", (ctx) => {
  largestByKey.record(ctx.arg(1), u32(ctx.arg(0)));
  return 0;
});
