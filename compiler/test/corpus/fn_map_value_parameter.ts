/** A checked map lookup passed to a function is the map's value: the function updates it in place. */
import { HashMap, test, u32, u64 } from "@ts-bpf/probes";

interface Stat { calls: u64; last: u32 }

const stats = new HashMap<u32, Stat>({ entries: 8 });

function touch(s: Stat, last: u32): void {
  s.calls += 1n;
  s.last = last;
}

// expect(5): 1
// expect(5): 2
// expect-map: stats[5] = { calls: 2, last: 5 }
test("touch a looked-up entry", (ctx) => {
  const key = u32(ctx.arg(0));
  if (stats.get(key) === undefined) stats.set(key, { calls: 0n, last: 0 });
  const s = stats.get(key);
  if (s === undefined) return 0;
  touch(s, key);
  return s.calls;
});
