/** The remainder of a division by zero is the dividend, as in the kernel. */
import { HashMap, test, u32, u64 } from "@ts-bpf/probes";

const out = new HashMap<u32, u64>({ entries: 4 });

// expect(100, 0): 100
// expect(100, 7): 2
test("u32 modulo zero", (ctx) => u32(ctx.arg(0)) % u32(ctx.arg(1)));

// expect(0xfffffffffffffff1, 0): 0xfffffff1
// expect-map: out[0] = 0xfffffffffffffff1
test("u64 modulo zero keeps all 64 bits", (ctx) => {
  const r: u64 = ctx.arg(0) % ctx.arg(1);
  out.set(0, r);
  return r;
});
