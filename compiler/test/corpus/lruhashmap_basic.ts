/** LruHashMap works like HashMap for set, get and delete. */
import { LruHashMap, test, u32, u64 } from "@ts-bpf/probes";

const recent = new LruHashMap<u32, u64>({ entries: 16 });

// expect(3): 30
// expect-map: recent[3] = 30
test("set and get", (ctx) => {
  const k = u32(ctx.arg(0));
  recent.set(k, ctx.arg(0) * 10n);
  const v = recent.get(k);
  return v === undefined ? 0 : v;
});
