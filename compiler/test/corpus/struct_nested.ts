/** Structs inside structs: nested literals and chained field access. */
import { test, u32 } from "@ts-bpf/probes";

interface Inner { lo: u32; hi: u32 }
interface Outer { tag: u32; range: Inner }

// expect(5, 10, 20): 35
test("nested fields", (ctx) => {
  const o: Outer = { tag: u32(ctx.arg(0)), range: { lo: u32(ctx.arg(1)), hi: u32(ctx.arg(2)) } };
  return o.tag + o.range.lo + o.range.hi;
});
