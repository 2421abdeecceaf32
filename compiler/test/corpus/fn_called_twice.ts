/** The same function inlined twice keeps each call's locals apart. */
import { test, u32 } from "@ts-bpf/probes";

function bump(x: u32): u32 {
  let y: u32 = x;
  y += 1;
  return y;
}

// expect(10): 23
test("bump(x) + bump(x + 1)", (ctx) => {
  const x = u32(ctx.arg(0));
  return bump(x) + bump(x + 1);
});
