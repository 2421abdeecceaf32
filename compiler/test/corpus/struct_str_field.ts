/** A str<N> field filled from comm(): the task's name, NUL-padded. */
import { comm, HashMap, type str, test, u32 } from "@ts-bpf/probes";

interface Named { id: u32; name: str<16> }

const out = new HashMap<u32, Named>({ entries: 2 });

// expect: 0
// expect-map: out[1] = { id: 9, name: $comm }
test("comm into a struct", () => {
  const n: Named = { id: 9, name: comm() };
  out.set(1, n);
  return 0;
});
