/** get() past the end of an ArrayMap is undefined. */
import { ArrayMap, test, u32 } from "@ts-bpf/probes";

const arr = new ArrayMap<u32>({ entries: 4 });

// expect(3): 1
// expect(4): 0
// expect(1000): 0
test("in range or not", (ctx) => {
  const v = arr.get(u32(ctx.arg(0)));
  return v === undefined ? 0 : 1;
});
