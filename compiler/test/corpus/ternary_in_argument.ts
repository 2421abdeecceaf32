/** A conditional expression as a map argument. */
import { HashMap, test, u32 } from "@ts-bpf/probes";

const m = new HashMap<u32, u32>({ entries: 4 });

// expect(1): 0
// expect(0): 0
// expect-map: m[1] = 100
// expect-map: m[0] = 200
test("value chosen by a condition", (ctx) => {
  const k = u32(ctx.arg(0));
  m.set(k, k !== 0 ? 100 : 200);
  return 0;
});
