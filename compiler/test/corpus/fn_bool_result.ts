/** A function returning bool, used as a condition. */
import { type bool, test, u32 } from "@ts-bpf/probes";

function isEven(x: u32): bool {
  return x % 2 === 0;
}

// expect(4): 1
// expect(7): 0
test("even", (ctx) => isEven(u32(ctx.arg(0))) ? 1 : 0);
