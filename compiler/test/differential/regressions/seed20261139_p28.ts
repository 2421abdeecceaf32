// Found by the differential test: seed 20261139, program p28.
// p28: the verifier rejected it: diff_20261139.ts:2219:26:  /     v0 %= ((v0 * 0) - u8(0)); /   The verifier rejected program 'p28' at instruction 153: div by zero [EINVAL]
// args p28: 255n, 18014398509481984n, 733n, 10288385971880365867n
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

test("p28", (ctx) => {
  let v0 = u8(ctx.arg(0));
  const v1: u64 = u64(ctx.arg(1));
  let v2 = i64(ctx.arg(2));
  let v3: i8 = i8(ctx.arg(3));
  vals.set(448, u64((v2 ^ 3n)));
  const q4 = vals.get(448 + 1);
  if (q4 !== undefined) {
    v0 |= ((i16(64) !== i16(39) ? u8(133) : v0) + (v3 <= 0x79 ? v0 : v0));
    out.set(448, (v3 < v3 ? v1 : u64(866n)));
  }
  const s5: S = { a: (v0 / 185), b: (u16(0) >= u16(v1) ? i16(v3) : i16(v2)), c: u32(v3), d: v2, e: v1 };
  s5.d += (v2 - i64(2147483647n));
  structs.set(449, s5);
  const p6 = structs.get(449);
  if (p6 !== undefined) {
    p6.b = p6.b - (i16(-294) + i16(-5166));
    v2 += p6.d;
  }
  lows.record(u64(i16(127)), 448);
  if ((i32(v3) + i32(-73)) < (i32(63) + i32(4))) {
    v2 *= v2;
    let v7: i32 = (i32(v3) << (-(i32(-9) !== -1143954334 ? i32(-70) : i32(8))));
  } else {
    sums.add(u64(v2), 448);
  }
  if (u16(43898) === (u16(v2) + u16(8192))) {
    v0 %= ((v0 * 0) - u8(0));
  } else {
    let v8: u8 = (v0 >> u8(v3));
    const s9: S = { a: (v3 <= v3 ? v0 : v0), b: (v1 < v1 ? i16(2) : i16(v3)), c: (~u32(v0)), d: (~v2), e: (~v1) };
    s9.a *= u8(u32(0x8));
    structs.set(449, s9);
    const p10 = structs.get(449);
    if (p10 !== undefined) {
      p10.e = p10.e * (u64(18446744073709551360n) / v1);
      out.set(449, u64(p10.b));
    }
  }
  vals.set(448, v1);
  const q11 = vals.get(448);
  if (q11 !== undefined) {
    switch ((i32(-1) * i32(-66))) {
      case 5: {
        let v12: i16 = ((i16(693) ^ i16(q11)) - ((i32(v3) >= i32(1073741824) && u16(16) > u16(255)) ? i16(u8(0x0)) : i16(v2)));
        break;
      }
      default: {
        let v13: i64 = (u8(u16(v1)) >= (v0 >> 6) ? ((i64(2199023255552n) + v2) + v2) : ((v2 - v2) * 257n));
      }
    }
    out.set(450, (u64(v3) % 0x1000000000n));
  }
  v0++;
  out.set(451, u64(v0));
  out.set(452, u64(v1));
  out.set(453, u64(v2));
  out.set(454, u64(v3));
  return u64(v0);
});
