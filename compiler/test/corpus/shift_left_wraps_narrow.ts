/** Left shifts wrap at the declared width: u8 0x81 << 1 is 2; i32 1 << 31 is the minimum. */
import { i32, test, u8 } from "@ts-bpf/probes";

// expect(0x81, 1): 2
// expect(0xff, 4): 0xf0
test("u8 << n", (ctx) => {
  const r: u8 = u8(ctx.arg(0)) << u8(ctx.arg(1));
  return r;
});

// expect(1, 31): -2147483648
// expect(3, 30): -1073741824
test("i32 << n into the sign bit", (ctx) => i32(ctx.arg(0)) << i32(ctx.arg(1)));
