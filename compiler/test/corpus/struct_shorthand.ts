/** Shorthand properties ({ a, b }) take locals of the same names. */
import { test, u32 } from "@ts-bpf/probes";

interface Pair { a: u32; b: u32 }

// expect(6, 7): 42
test("shorthand literal", (ctx) => {
  const a = u32(ctx.arg(0));
  const b = u32(ctx.arg(1));
  const p: Pair = { a, b };
  return p.a * p.b;
});
