/**
 * An ArrayMap lookup points into the map itself: after set() on the same index, a read through
 * the earlier reference sees the new value (loads must not be reused across the update).
 */
import { ArrayMap, test, u32 } from "@ts-bpf/probes";

interface Cell { n: u32 }

const cells = new ArrayMap<Cell>({ entries: 2 });

// expect: 1009
test("read, update, read again", () => {
  const c = cells.get(0);
  if (c === undefined) return 0;
  c.n = 1;
  const before = c.n;
  cells.set(0, { n: 9 });
  const after = c.n;
  return before * 1000 + after;
});

// expect: 77
test("two lookups of one index share the entry", () => {
  const a = cells.get(1);
  const b = cells.get(1);
  if (a === undefined || b === undefined) return 0;
  a.n = 77;
  return b.n;
});
