/** 64-bit shifts reach the high half: 1 << 40, and back. */
import { HashMap, test, u32, u64 } from "@ts-bpf/probes";

const out = new HashMap<u32, u64>({ entries: 4 });

// expect(40): 1
// expect-map: out[0] = 0x10000000000
test("1 << 40", (ctx) => {
  const r: u64 = 1n << ctx.arg(0);
  out.set(0, r);
  return r >> 40n;
});
