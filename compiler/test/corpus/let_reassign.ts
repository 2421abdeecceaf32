/** A let local can be reassigned; the last value wins. */
import { test, u32 } from "@ts-bpf/probes";

// expect(5): 12
test("reassigned twice", (ctx) => {
  let x: u32 = u32(ctx.arg(0));
  x = x + 1;
  x = x * 2;
  return x;
});
