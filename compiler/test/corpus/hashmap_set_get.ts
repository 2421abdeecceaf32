/** HashMap.set stores a value that HashMap.get finds again (after a null check). */
import { HashMap, test, u32, u64 } from "@ts-bpf/probes";

const values = new HashMap<u32, u64>({ entries: 16 });

// expect(7, 42): 42
// expect-map: values[7] = 42
// expect-map: values[8] = none
test("set then get", (ctx) => {
  values.set(u32(ctx.arg(0)), ctx.arg(1));
  const v = values.get(u32(ctx.arg(0)));
  if (v === undefined) return 0;
  return v;
});
