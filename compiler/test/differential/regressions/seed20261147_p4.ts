// Found by the differential test: seed 20261147, program p4.
// p4: the verifier rejected it: diff_20261147.ts:369:11:  /     out.set(64, u64(((i32(2147483647) / i32(v1)) / (i32(-2147483648) / i32(v4))))); /   The verifier rejected program 'p4' at instruction 82: div by zero [EINVAL]
// args p4: 127n, 31n, 4294967296n, 2147483648n
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

test("p4", (ctx) => {
  let v0: u8 = u8(ctx.arg(2));
  const v1: u16 = u16(ctx.arg(3));
  v0 += u8(v1);
  if ((v0 | 197) > u8(u32(4294967034))) {
    lows.record(u64(i64((u32(v0) % 4294967233))), 65);
    let v2: i8 = (-(v0 >= u8(32) ? (i8(0) >> i8(-1)) : i8(-1)));
  }
  for (let k3: u32 = 0; k3 < 3; k3++) {
    highs.record(u64(v1), 65);
  }
  const v4: i64 = i64(68719476736n);
  out.set(64, u64(((i32(2147483647) / i32(v1)) / (i32(-2147483648) / i32(v4)))));
  const s5: S = { a: u8(i8(46)), b: (i16(v1) >> 0), c: (~u32(8)), d: (v4 | 0x360n), e: u64(18446744073709551404n) };
  s5.e ^= (u64(18014398509481984n) >> u64(264n));
  structs.set(65, s5);
  const p6 = structs.get(65);
  if (p6 !== undefined) {
    p6.d = p6.d - (v4 & -1486335851491687163n);
    out.set(65, u64(p6.d));
  }
  v0 >>= v0;
  v0++;
  for (let k7: u32 = 0; k7 < 4; k7++) {
    const s8: S = { a: (v0 / v0), b: (i8(v0) === i8(v4) ? i16(-85) : i16(10)), c: (k7 <= 0 ? u32(v0) : k7), d: (i64(524288n) - v4), e: (u64(1184932701530186216n) / u64(0xffffffffffffffc0n)) };
    s8.d ^= v4;
    structs.set(64, s8);
    const p9 = structs.get(64);
    if (p9 !== undefined) {
      p9.b = p9.b + (v0 === 166 ? i16(562) : i16(-11));
      v0 += p9.a;
    }
    let v10: i16 = (i16(128) ^ 879);
  }
  out.set(66, u64(v0));
  out.set(67, u64(v1));
  out.set(68, u64(v4));
  return u64(v1);
});
