/** i16 multiplication wraps in the signed 16-bit range. */
import { i16, test } from "@ts-bpf/probes";

// expect(300, 300): 24464
// expect(-300, 300): -24464
// expect(200, 200): -25536
test("product", (ctx) => {
  const p: i16 = i16(ctx.arg(0)) * i16(ctx.arg(1));
  return p;
});
