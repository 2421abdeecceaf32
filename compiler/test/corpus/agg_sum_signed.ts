/**
 * A Sum of a signed type adds negative values: the i32 -7 is sign-extended to 64 bits before the
 * add, and the total (kept in 64 bits, as every Sum's) reads back as an i64. Keyed, the map is per-CPU and userspace sums the
 * CPUs' values as two's complement.
 */
import { i32, Sum, test, u32 } from "@ts-bpf/probes";

const balance = new Sum<u32, i32>();
const total = new Sum<void, i32>();

// expect(1, 10): 0
// expect(1, 4294967289): 0
// expect(2, 4294967289): 0
// expect-map: balance[1] = 3
// expect-map: balance[2] = -7
// expect-map: total = -4
test("adds signed values", (ctx) => {
  const delta = i32(ctx.arg(1)); // 4294967289 is -7 as an i32
  balance.add(delta, u32(ctx.arg(0)));
  total.add(delta);
  return 0;
});
