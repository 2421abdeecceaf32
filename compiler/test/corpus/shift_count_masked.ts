/**
 * Shift counts are taken modulo the operation's width, as in JavaScript and the eBPF ISA:
 * modulo 32 for types up to 32 bits, modulo 64 for u64/i64. So x << 33 is x << 1 for a u32.
 */
import { HashMap, test, u32, u64, u8 } from "@ts-bpf/probes";

const out = new HashMap<u32, u64>({ entries: 4 });

// expect(5, 33): 10
// expect(5, 32): 5
test("u32 count modulo 32", (ctx) => u32(ctx.arg(0)) << u32(ctx.arg(1)));

// expect(1, 65): 2
// expect-map: out[0] = 2
test("u64 count modulo 64", (ctx) => {
  const r: u64 = ctx.arg(0) << ctx.arg(1);
  out.set(0, r);
  return r;
});

// expect(1, 9): 0
// expect(1, 33): 2
test("u8 count modulo 32, then wrapped to 8 bits", (ctx) => {
  const r: u8 = u8(ctx.arg(0)) << u8(ctx.arg(1));
  return r;
});

// expect(0x80000000, 63): 1
test("u32 right shift count modulo 32", (ctx) => u32(ctx.arg(0)) >> u32(ctx.arg(1)));
