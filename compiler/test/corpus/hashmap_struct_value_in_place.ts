/** A looked-up struct value is a reference into the map: assigning its fields updates the entry. */
import { HashMap, test, u32, u64 } from "@ts-bpf/probes";

interface Stat { calls: u64; last: u32 }

const stats = new HashMap<u32, Stat>({ entries: 8 });

// expect(7): 1
// expect-map: stats[7] = { calls: 1, last: 7 }
test("first call creates", (ctx) => {
  const key = u32(ctx.arg(0));
  const s = stats.get(key);
  if (s === undefined) {
    stats.set(key, { calls: 1n, last: key });
    return 1;
  }
  return 0;
});

// expect(7): 2
// expect(7): 3
// expect-map: stats[7] = { calls: 3, last: 99 }
test("later calls update in place", (ctx) => {
  const s = stats.get(u32(ctx.arg(0)));
  if (s === undefined) return 0;
  s.calls += 1n;
  s.last = 99;
  return s.calls;
});
