/** Emitting from a loop: one record per iteration. */
import { RingBuf, test, u32 } from "@ts-bpf/probes";

interface Tick { n: u32 }

const ticks = new RingBuf<Tick>({ bytes: 4096 });

// expect(3): 0
// expect-records: ticks = [{ n: 0 }, { n: 1 }, { n: 2 }]
test("three ticks", (ctx) => {
  const count = u32(ctx.arg(0));
  for (let i: u32 = 0; i < 8; i++) {
    if (i >= count) break;
    ticks.emit({ n: i });
  }
  return 0;
});
