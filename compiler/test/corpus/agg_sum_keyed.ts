/** Sum per key. */
import { Sum, test, u32 } from "@ts-bpf/probes";

const perKey = new Sum<u32>();

// expect(1, 10): 0
// expect(2, 20): 0
// expect(1, 5): 0
// expect-map: perKey[1] = 15
// expect-map: perKey[2] = 20
test("sums per key", (ctx) => {
  perKey.add(ctx.arg(1), u32(ctx.arg(0)));
  return 0;
});
