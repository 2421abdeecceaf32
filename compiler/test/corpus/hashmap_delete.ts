/** delete() removes an entry; get() then finds nothing. */
import { HashMap, test, u32, u64 } from "@ts-bpf/probes";

const values = new HashMap<u32, u64>({ entries: 8 });

// expect: 2
// expect-map: values[1] = none
// expect-map: values[2] = 20
test("set two, delete one", () => {
  values.set(1, 10n);
  values.set(2, 20n);
  values.delete(1);
  let found: u32 = 0;
  const a = values.get(1);
  if (a === undefined) found += 1;
  const b = values.get(2);
  if (b !== undefined) found += 1;
  return found;
});
