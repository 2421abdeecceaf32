/** Compound assignment to a narrow field of a map value wraps at the field's width. */
import { HashMap, test, u32, u8 } from "@ts-bpf/probes";

interface Small { b: u8; tail: u8 }

const m = new HashMap<u32, Small>({ entries: 2 });

// expect: 44
// expect-map: m[0] = { b: 44, tail: 7 }
test("200 + 100 in a u8 field", () => {
  m.set(0, { b: 200, tail: 7 });
  const v = m.get(0);
  if (v === undefined) return 0;
  v.b += 100;
  return v.b;
});
