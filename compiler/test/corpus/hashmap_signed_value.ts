/** Signed values round-trip through a map with their sign. */
import { HashMap, i32, i64, test, u32 } from "@ts-bpf/probes";

const m = new HashMap<u32, i64>({ entries: 4 });

// expect(-5): -5
// expect-map: m[0] = -5
test("i64 value", (ctx) => {
  m.set(0, i64(ctx.arg(0)));
  const v = m.get(0);
  if (v === undefined) return 0;
  return i32(v);
});
