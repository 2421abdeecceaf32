/** A struct passed to a function is read in place. */
import { test, u32 } from "@ts-bpf/probes";

interface Point { x: u32; y: u32 }

function manhattan(p: Point): u32 {
  return p.x + p.y;
}

// expect(3, 4): 7
test("sum of coordinates", (ctx) => {
  const p: Point = { x: u32(ctx.arg(0)), y: u32(ctx.arg(1)) };
  return manhattan(p);
});
