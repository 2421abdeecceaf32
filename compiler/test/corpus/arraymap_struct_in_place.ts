/** ArrayMap struct values update in place through the looked-up reference. */
import { ArrayMap, test, u32 } from "@ts-bpf/probes";

interface Tally { odd: u32; even: u32 }

const tally = new ArrayMap<Tally>({ entries: 1 });

// expect(1): 0
// expect(2): 0
// expect(3): 0
// expect-map: tally[0] = { odd: 2, even: 1 }
test("count odd and even", (ctx) => {
  const t = tally.get(0);
  if (t === undefined) return 1;
  if (ctx.arg(0) % 2n === 0n) t.even++;
  else t.odd++;
  return 0;
});
