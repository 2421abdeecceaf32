/** A return inside an inlined function leaves only that function. */
import { test, u32 } from "@ts-bpf/probes";

function clamp(x: u32, limit: u32): u32 {
  if (x > limit) return limit;
  return x;
}

// expect(5): 105
// expect(500): 200
test("clamp then add 100", (ctx) => clamp(u32(ctx.arg(0)), 100) + 100);
