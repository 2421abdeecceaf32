/** Fields of a looked-up value compared with each other. */
import { HashMap, test, u32 } from "@ts-bpf/probes";

interface Range { lo: u32; hi: u32 }

const ranges = new HashMap<u32, Range>({ entries: 2 });

// expect(3, 9): 1
// expect(9, 3): 0
test("lo below hi", (ctx) => {
  ranges.set(0, { lo: u32(ctx.arg(0)), hi: u32(ctx.arg(1)) });
  const r = ranges.get(0);
  if (r === undefined) return 99;
  return r.lo < r.hi ? 1 : 0;
});
