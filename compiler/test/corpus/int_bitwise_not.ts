/** ~ flips the bits of the declared width: ~0 is 255 in a u8, -1 in an i32. */
import { i32, test, u8 } from "@ts-bpf/probes";

// expect(0): 255
// expect(0xf0): 0x0f
test("u8 complement", (ctx) => {
  const x: u8 = u8(ctx.arg(0));
  const n: u8 = ~x;
  return n;
});

// expect(0): -1
// expect(-1): 0
// expect(5): -6
test("i32 complement", (ctx) => {
  const x = i32(ctx.arg(0));
  return ~x;
});
