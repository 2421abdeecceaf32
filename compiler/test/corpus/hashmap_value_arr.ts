/** A map value with an Arr field, updated element by element in place. */
import { type Arr, HashMap, test, u32 } from "@ts-bpf/probes";

interface Ring { next: u32; items: Arr<u32, 3> }

const rings = new HashMap<u32, Ring>({ entries: 2 });

// expect: 0
// expect-map: rings[0] = { next: 2, items: [10, 20, 0] }
test("fill two elements", () => {
  rings.set(0, { next: 0, items: [0, 0, 0] });
  const r = rings.get(0);
  if (r === undefined) return 1;
  r.items[0] = 10;
  r.items[1] = 20;
  r.next = 2;
  return 0;
});
