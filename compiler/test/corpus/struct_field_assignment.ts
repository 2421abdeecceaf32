/** Fields of a local struct can be assigned and updated in place. */
import { test, u32 } from "@ts-bpf/probes";

interface Counter { hits: u32; misses: u32 }

// expect(3): 0x40002
test("update fields", (ctx) => {
  const c: Counter = { hits: 0, misses: 0 };
  c.hits = u32(ctx.arg(0));
  c.hits += 1;
  c.misses++;
  c.misses *= 2;
  return (c.hits << 16) | c.misses;
});
