/** A conditional choosing between 64-bit constants keeps all 64 bits. */
import { HashMap, test, u32, u64 } from "@ts-bpf/probes";

const out = new HashMap<u32, u64>({ entries: 2 });

// expect(1): 0
// expect(0): 0
// expect-map: out[1] = 0x100000000
// expect-map: out[0] = 0xffffffffffffffff
test("choose a constant", (ctx) => {
  const v: u64 = ctx.arg(0) !== 0n ? 0x100000000n : 0xffffffffffffffffn;
  out.set(u32(ctx.arg(0)), v);
  return 0;
});
