/** The name option renames the kernel map; the probe still uses its variable. */
import { HashMap, test, u32 } from "@ts-bpf/probes";

const local = new HashMap<u32, u32>({ entries: 2, name: "renamed" });

// expect: 3
// expect-map: local[0] = 3
test("set through the variable", () => {
  local.set(0, 3);
  const v = local.get(0);
  return v === undefined ? 0 : v;
});
