/** A struct declared with a type alias works like an interface. */
import { test, u32 } from "@ts-bpf/probes";

type Span = { start: u32; end: u32 };

// expect(10, 25): 15
test("length of a span", (ctx) => {
  const s: Span = { start: u32(ctx.arg(0)), end: u32(ctx.arg(1)) };
  return s.end - s.start;
});
