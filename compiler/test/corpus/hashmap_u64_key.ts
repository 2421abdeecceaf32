/** u64 keys use all 64 bits: keys that differ only in the high half are different entries. */
import { HashMap, test, u32, u64 } from "@ts-bpf/probes";

const m = new HashMap<u64, u32>({ entries: 8 });

// expect(0x100000001, 1): 3
// expect-map: m[0x100000001] = 1
// expect-map: m[1] = 2
test("two keys", (ctx) => {
  m.set(ctx.arg(0), 1);
  m.set(ctx.arg(1), 2);
  const a = m.get(ctx.arg(0));
  const b = m.get(ctx.arg(1));
  if (a === undefined || b === undefined) return 0;
  return a + b;
});
