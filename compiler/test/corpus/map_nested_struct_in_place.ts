/** Nested fields of a looked-up map value update in place. */
import { HashMap, test, u32, u64 } from "@ts-bpf/probes";

interface Window { count: u64; sum: u64 }
interface Entry { id: u32; window: Window }

const entries = new HashMap<u32, Entry>({ entries: 4 });

// expect(5): 0
// expect(7): 0
// expect-map: entries[1] = { id: 1, window: { count: 2, sum: 12 } }
test("accumulate a nested window", (ctx) => {
  const e = entries.get(1);
  if (e === undefined) {
    entries.set(1, { id: 1, window: { count: 1n, sum: ctx.arg(0) } });
    return 0;
  }
  e.window.count += 1n;
  e.window.sum += ctx.arg(0);
  return 0;
});
