/** i64 addition wraps: the largest i64 plus one is the smallest. */
import { i64, test } from "@ts-bpf/probes";

// expect(0x7fffffffffffffff, 1): 1
// expect(5, 1): 0
test("max + 1 is min", (ctx) => {
  const s: i64 = i64(ctx.arg(0)) + i64(ctx.arg(1));
  return s === -9223372036854775808n ? 1 : 0;
});

// expect(0x7fffffffffffffff, 1): 1
test("max + 1 is negative", (ctx) => {
  const s: i64 = i64(ctx.arg(0)) + i64(ctx.arg(1));
  return s < 0n ? 1 : 0;
});
