/** A keyless Count incremented by a weight: the key argument is written as undefined. */
import { Count, test } from "@ts-bpf/probes";

const bytes = new Count();

// expect(100): 0
// expect(20): 0
// expect-map: bytes = 120
test("weighted increments", (ctx) => {
  bytes.increment(undefined, ctx.arg(0));
  return 0;
});
