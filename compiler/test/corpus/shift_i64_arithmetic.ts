/** i64 >> is arithmetic across all 64 bits. */
import { i64, test } from "@ts-bpf/probes";

// expect(0xffffffffffffffff, 63): 1
// expect(0x8000000000000000, 62): 1
test("sign fills in", (ctx) => {
  const r: i64 = i64(ctx.arg(0)) >> i64(ctx.arg(1));
  return r === -1n || r === -2n ? 1 : 0;
});

// expect(0x4000000000000000, 62): 1
test("positive stays positive", (ctx) => i64(ctx.arg(0)) >> i64(ctx.arg(1)) === 1n ? 1 : 0);
