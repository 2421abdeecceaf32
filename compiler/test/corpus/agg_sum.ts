/** Sum adds values; without a key there is one total. */
import { Sum, test } from "@ts-bpf/probes";

const total = new Sum({ name: "bytes", unit: "By" });

// expect(100): 0
// expect(250): 0
// expect(0xffffffff): 0
// expect-map: total = 4294967645
test("running total", (ctx) => {
  total.add(ctx.arg(0));
  return 0;
});
