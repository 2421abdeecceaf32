/** The smallest i64, -9223372036854775808n, is exact and below every other value. */
import { i64, test } from "@ts-bpf/probes";

// expect(0x8000000000000000): 1
// expect(0x8000000000000001): 0
test("equals the argument with only the top bit", (ctx) => {
  const min: i64 = -9223372036854775808n;
  return i64(ctx.arg(0)) === min ? 1 : 0;
});

// expect(0x8000000000000001): 1
test("is below min + 1", (ctx) => {
  const min: i64 = -9223372036854775808n;
  return min < i64(ctx.arg(0)) ? 1 : 0;
});
