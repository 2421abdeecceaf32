/** A struct literal sets every field; fields read back by name. */
import { test, u16, u32, u64, u8 } from "@ts-bpf/probes";

interface Mixed { a: u8; b: u16; c: u32; d: u64 }

// expect(1, 2, 3, 4): 4321
test("fields keep their values", (ctx) => {
  const m: Mixed = { a: u8(ctx.arg(0)), b: u16(ctx.arg(1)), c: u32(ctx.arg(2)), d: ctx.arg(3) };
  return u32(m.a) + u32(m.b) * 10 + m.c * 100 + u32(m.d) * 1000;
});
