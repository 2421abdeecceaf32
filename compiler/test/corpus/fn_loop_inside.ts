/** An inlined function with its own loop and locals. */
import { test, u32 } from "@ts-bpf/probes";

function factorial(n: u32): u32 {
  let r: u32 = 1;
  for (let i: u32 = 2; i <= 12; i++) {
    if (i > n) break;
    r *= i;
  }
  return r;
}

// expect(5): 120
// expect(0): 1
// expect(12): 479001600
test("factorial", (ctx) => factorial(u32(ctx.arg(0))));
