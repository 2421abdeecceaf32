/** The literal 0xffffffffffffffffn is the largest u64, all 64 bits set. */
import { HashMap, test, u32, u64 } from "@ts-bpf/probes";

const out = new HashMap<u32, u64>({ entries: 4 });

// expect(0xffffffffffffffff): 1
// expect(0xffffffff): 0
// expect-map: out[0] = 0xffffffffffffffff
test("equals an all-ones argument", (ctx) => {
  const max: u64 = 0xffffffffffffffffn;
  out.set(0, max);
  return ctx.arg(0) === max ? 1 : 0;
});

// expect: 0xffffffff
test("its low 32 bits", () => {
  const max: u64 = 0xffffffffffffffffn;
  return u32(max);
});
