/** >> on a signed type is arithmetic: the sign bit is copied in. */
import { i32, i8, test } from "@ts-bpf/probes";

// expect(-16, 2): -4
// expect(-1, 31): -1
// expect(0x7fffffff, 30): 1
test("i32 >> n", (ctx) => i32(ctx.arg(0)) >> i32(ctx.arg(1)));

// expect(-128, 7): -1
// expect(-128, 1): -64
// expect(64, 6): 1
test("i8 >> n", (ctx) => {
  const r: i8 = i8(ctx.arg(0)) >> i8(ctx.arg(1));
  return r;
});
