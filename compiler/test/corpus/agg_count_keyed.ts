/** Count with a key: one counter per key, created on first use. */
import { Count, test, u32 } from "@ts-bpf/probes";

const byKey = new Count<u32>();

// expect(1): 0
// expect(2): 0
// expect(1): 0
// expect-map: byKey[1] = 2
// expect-map: byKey[2] = 1
// expect-map: byKey[3] = none
test("count per key", (ctx) => {
  byKey.increment(u32(ctx.arg(0)));
  return 0;
});
