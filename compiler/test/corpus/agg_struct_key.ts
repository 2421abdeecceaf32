/** Aggregations keyed by a struct. */
import { Count, test, u32 } from "@ts-bpf/probes";

interface Pair { a: u32; b: u32 }

const pairs = new Count<Pair>();

// expect(1, 2): 0
// expect(1, 2): 0
// expect(2, 1): 0
// expect-map: pairs[{ a: 1, b: 2 }] = 2
// expect-map: pairs[{ a: 2, b: 1 }] = 1
test("count pairs", (ctx) => {
  const k: Pair = { a: u32(ctx.arg(0)), b: u32(ctx.arg(1)) };
  pairs.increment(k);
  return 0;
});
