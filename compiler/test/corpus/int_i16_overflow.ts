/** i16 subtraction wraps: -32768 - 1 is 32767. */
import { i16, test } from "@ts-bpf/probes";

// expect(-32768, 1): 32767
// expect(32767, -1): -32768
// expect(5, 7): -2
test("difference wraps in the signed 16-bit range", (ctx) => {
  const d: i16 = i16(ctx.arg(0)) - i16(ctx.arg(1));
  return d;
});
