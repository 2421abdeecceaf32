/** Storing a wider value in a narrower local wraps like a C assignment. */
import { test, u32, u8 } from "@ts-bpf/probes";

// expect(0x1ff): 0xff
// expect(0x100): 0
test("u32 into a u8 local", (ctx) => {
  const wide: u32 = u32(ctx.arg(0));
  const narrow: u8 = wide;
  return narrow;
});

// expect(0x1ff): 0x100
test("u8 local assigned from u32 then widened back", (ctx) => {
  let narrow: u8 = 0;
  narrow = u32(ctx.arg(0));
  const back: u32 = narrow;
  return back + 1;
});
