/** set() on an existing key replaces its value. */
import { HashMap, test, u32 } from "@ts-bpf/probes";

const values = new HashMap<u32, u32>({ entries: 8 });

// expect: 2
// expect-map: values[5] = 2
test("second set wins", () => {
  values.set(5, 1);
  values.set(5, 2);
  const v = values.get(5);
  if (!v) return 0;
  return v;
});
