/** get() of a key that was never set is undefined: the check takes the other branch. */
import { HashMap, test, u32, u64 } from "@ts-bpf/probes";

const values = new HashMap<u32, u64>({ entries: 8 });

// expect(3): 0
// expect-map: values[3] = none
test("missing key", (ctx) => {
  const v = values.get(u32(ctx.arg(0)));
  return v === undefined ? 0 : 1;
});
