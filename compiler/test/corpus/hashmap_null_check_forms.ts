/** Every form of null check narrows a lookup: !==, ===, truthiness and early return. */
import { HashMap, test, u32 } from "@ts-bpf/probes";

const m = new HashMap<u32, u32>({ entries: 4 });

// expect: 4
test("four checks", () => {
  m.set(1, 1);
  let n: u32 = 0;
  const a = m.get(1);
  if (a !== undefined) n += a;
  const b = m.get(1);
  if (b === undefined) return 100;
  n += b;
  const c = m.get(1);
  if (c) n += c;
  const d = m.get(1);
  if (!d) return 200;
  n += d;
  return n;
});

// expect: 5
test("checked in a && chain", () => {
  m.set(2, 5);
  const v = m.get(2);
  return v !== undefined && v > 3 ? v : 0;
});
