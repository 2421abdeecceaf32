/** A 320-byte local array fits the 512-byte stack. */
import { type Arr, test, u32, u64 } from "@ts-bpf/probes";

// expect(3): 6
test("first and last of 40 u64s", (ctx) => {
  const a: Arr<u64, 40> = [ctx.arg(0)];
  a[39] = ctx.arg(0) * 2n;
  return u32(a[0]! + a[39]! - a[20]! - 3n);
});
