/**
 * One key used in a branch, after it, and again later: the compiler builds it once where all
 * the uses meet (share-key-slots). Each use must still see the key, not other stack bytes: the
 * delete removes exactly the entry it names.
 */
import { HashMap, test, type u64 } from "@ts-bpf/probes";

const seen = new HashMap<u64, u64>({ entries: 8 });

// expect(5, 1): 1
// expect(6, 0): 0
// expect(5, 2): 0
// expect-map: seen[5] = none
// expect-map: seen[6] = 100
test("key in branches", (ctx) => {
  const key = ctx.arg(0);
  const mode = ctx.arg(1);
  if (mode === 0n) seen.set(key, 100n);
  if (mode === 1n) seen.set(key, 7n);
  const found = seen.get(key);
  if (found === undefined) return 9;
  if (mode === 2n) {
    seen.delete(key);
    return 0;
  }
  return found === 7n ? 1 : 0;
});
