/** bool map values: set, read back, and stored as one byte 0 or 1. */
import { type bool, HashMap, test, u32 } from "@ts-bpf/probes";

const seen = new HashMap<u32, bool>({ entries: 4 });

// expect(3): 1
// expect-map: seen[3] = true
// expect-map: seen[4] = false
test("mark three", (ctx) => {
  seen.set(u32(ctx.arg(0)), true);
  seen.set(4, false);
  const v = seen.get(3);
  return v !== undefined && v ? 1 : 0;
});
