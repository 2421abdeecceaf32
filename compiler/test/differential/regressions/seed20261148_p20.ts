// Found by the differential test: seed 20261148, program p20.
// p20: the verifier rejected it: diff_20261148.ts:1518:39:  /     let v3: u32 = (~((u32(0xfffffef9) / v1) % (v1 & 0))); /   The verifier rejected program 'p20' at instruction 9: div by zero [EINVAL]
// args p20: 3n, 255n, 18446744073709551461n, 2n
import { HashMap, Histogram, i16, i32, i64, i8, Max, Min, Sum, test, u16, u32, u64, u8 }
  from "@ts-bpf/probes";

interface S { a: u8; b: i16; c: u32; d: i64; e: u64 }

const out = new HashMap<u32, u64>({ entries: 800 });
const vals = new HashMap<u32, u64>({ entries: 800 });
const structs = new HashMap<u32, S>({ entries: 800 });
const sums = new Sum<u32>({ entries: 800 });
const hist = new Histogram<u32>({ entries: 3200 });
const lows = new Min<u32>({ entries: 800 });
const highs = new Max<u32>({ entries: 800 });

test("p20", (ctx) => {
  let v0: u64 = u64(ctx.arg(1));
  let v1: u32 = u32(ctx.arg(2));
  const v2: i16 = i16(ctx.arg(3));
  let v3: u32 = (~((u32(0xfffffef9) / v1) % (v1 & 0)));
  const v4: i64 = (i64(-489842220072929923n) + -10n);
  let v5: i8 = ((i8(v3) ^ (i8(v3) % 1)) / ((i8(v4) - i8(0x0)) >> (i8(v4) >> i8(v2))));
  switch (u8(3)) {
    case 1: {
      v3 >>= u32(0xffffffd8);
      break;
    }
    default: {
      const v6: i8 = (((u8(v4) > 0xff ? i8(-64) : v5) / -109) | i8(-113));
    }
  }
  for (let k7: u32 = 0; k7 <= 1; k7 += 2) {
    const s8: S = { a: u8(64), b: (v2 * v2), c: (v3 >> v3), d: (i64(v0) ^ v4), e: v0 };
    s8.b += v2;
    structs.set(321, s8);
    const p9 = structs.get(321);
    if (p9 !== undefined) {
      p9.b = p9.b * v2;
      v1 += p9.c;
    }
  }
  const s10: S = { a: (v5 > v5 ? u8(127) : u8(64)), b: (v3 < 4294967228 ? i16(-3) : i16(0x7214)), c: (~v3), d: i64(8n), e: (u64(2199023255552n) - 2608273406103038749n) };
  s10.d ^= (v4 / i64(v2));
  structs.set(321, s10);
  const p11 = structs.get(321);
  if (p11 !== undefined) {
    p11.e = p11.e | u64(0xef1f6b9cd120c9f0n);
    v0 += p11.e;
  }
  out.set(320, u64(v0));
  out.set(321, u64(v1));
  out.set(322, u64(v2));
  out.set(323, u64(v3));
  out.set(324, u64(v4));
  out.set(325, u64(v5));
  return u64(v2);
});
