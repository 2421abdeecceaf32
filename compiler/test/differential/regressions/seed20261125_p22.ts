// Found by the differential test: seed 20261125, program p22.
// map out[356]: kernel "18446743523953737795n", simulator "18446744073709551359n"
// args p22: 32767n, 323n, 255n, 18446744073709551545n
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

test("p22", (ctx) => {
  let v0 = u8(ctx.arg(1));
  let v1: i8 = (~(i8(v0) >> (i8(v0) * i8(67))));
  const s2: S = { a: (v0 + v0), b: (-i16(15794)), c: u32(255), d: i64(281474976710656n), e: u64(8388608n) };
  s2.a ^= (v0 >> 4);
  structs.set(353, s2);
  const p3 = structs.get(353);
  if (p3 !== undefined) {
    p3.c = p3.c * (u32(1681957654) + 2147483648);
    out.set(352, u64(p3.c));
  }
  vals.set(354, ((~u64(v0)) + 549755813888n));
  const q4 = vals.get(354);
  if (q4 !== undefined) {
    vals.set(354, (~(u64(256n) ^ u64(v1))));
    const q5 = vals.get(354);
    if (q5 !== undefined) {
      if ((u32(q4) === u32(2147483647) && q4 <= 31n)) {
        v0 >>= v0;
        const s6: S = { a: (v0 % u8(q5)), b: i16(i64(-7255303607975626037n)), c: (u32(1024) * 65535), d: (-i64(q4)), e: (q5 << q5) };
        s6.c += u32(65536);
        structs.set(352, s6);
        const p7 = structs.get(352);
        if (p7 !== undefined) {
          p7.b = p7.b | (i8(69) === v1 ? i16(0) : i16(-32768));
          out.set(353, u64(p7.e));
        }
        vals.delete(354);
      } else {
        out.set(354, u64((-(i8(v0) + v1))));
      }
      out.set(355, q4);
    }
    out.set(356, (~q4));
  }
  switch (u32(v0)) {
    case 0x7: {
      lows.record(u64(i16((i64(0x19bn) % i64(357n)))), 352);
      break;
    }
    default: {
      let v8: i16 = (((i16(3) === 802 || i64(v0) >= 65535n) ? i16(i16(0)) : (-i16(v0))) * ((v0 >= u8(248) ? i16(v1) : i16(179)) - (i16(0) - 3)));
    }
  }
  v1 *= (i8(v0) * -104);
  sums.add(u64((i64(32767n) - -175n)), 353);
  const v9: u16 = ((i32(255) !== 8388608 ? (v1 < 8 ? u16(v1) : u16(v0)) : u16(449)) * (u16(v1) << (u16(2) - u16(v1))));
  let v10: u64 = u64(878n);
  v0 -= (u8(0) + 166);
  let v11: u8 = (u8(85) + (~(u8(0x4) % u8(255))));
  v11 = v0;
  out.set(357, u64(v0));
  out.set(358, u64(v1));
  out.set(359, u64(v9));
  out.set(360, u64(v10));
  out.set(361, u64(v11));
  return u64(v1);
});
