/** A let struct can be replaced as a whole, by a literal or by another struct. */
import { test, u32 } from "@ts-bpf/probes";

interface Pair { a: u32; b: u32 }

// expect(7): 27
test("replace by a literal, then by a copy", (ctx) => {
  let p: Pair = { a: 1, b: 2 };
  p = { a: u32(ctx.arg(0)), b: 10 };
  const q: Pair = { a: 0, b: 10 };
  const before = p.a + p.b;
  p = q;
  return before + p.a + p.b;
});
