/**
 * Min, Max and Stats declared with a signed value type (`Min<K, V>`) compare as signed: a
 * negative value is the minimum, a maximum of negative values stays negative (a keyless signed
 * Max starts from its first value, not from zero), and the map holds them as i64. The default
 * value type, u64, still compares as unsigned: -1 as a u64 is the largest value.
 */
import { i32, i64, Max, Min, Stats, test, u32, u64 } from "@ts-bpf/probes";

const lowest = new Min<void, i64>();
const highest = new Max<void, i64>();
const lowByKey = new Min<u32, i32>();
const highByKey = new Max<u32, i32>();
const spread = new Stats<void, i64>();
const highestNegative = new Max<void, i32>();
const unsignedLow = new Min();
const unsignedHigh = new Max();

// expect(5): 0
// expect(-7): 0
// expect(3): 0
// expect-map: lowest = -7
// expect-map: highest = 5
// expect-map: spread = { count: 3, sum: 1, min: -7, max: 5 }
test("keyless", (ctx) => {
  const v = i64(ctx.arg(0));
  lowest.record(v);
  highest.record(v);
  spread.record(v);
  return 0;
});

// expect(1, -9): 0
// expect(1, -4): 0
// expect(1, -6): 0
// expect(2, 8): 0
// expect(2, -2147483648): 0
// expect-map: lowByKey[1] = -9
// expect-map: highByKey[1] = -4
// expect-map: lowByKey[2] = -2147483648
// expect-map: highByKey[2] = 8
test("keyed i32", (ctx) => {
  const k = u32(ctx.arg(0));
  const v = i32(ctx.arg(1));
  lowByKey.record(v, k);
  highByKey.record(v, k);
  return 0;
});

// expect(-9): 0
// expect(-4): 0
// expect(-6): 0
// expect-map: highestNegative = -4
test("keyless max of negative values", (ctx) => {
  highestNegative.record(i32(ctx.arg(0)));
  return 0;
});

// expect(-1): 0
// expect(5): 0
// expect-map: unsignedLow = 5
// expect-map: unsignedHigh = 0xffffffffffffffff
test("u64 by default", (ctx) => {
  const v = u64(ctx.arg(0));
  unsignedLow.record(v);
  unsignedHigh.record(v);
  return 0;
});
