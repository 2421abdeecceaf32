// Found by the differential test: seed 20261156, program p45.
// p45: the verifier rejected it: diff_20261156.ts:3272:58:  /     v2 %= (i8(-29) === 0 ? (v2 >> i8(-1)) : (i8(-67) & 0)); /   The verifier rejected program 'p45' at instruction 159: div by zero [EINVAL]
// args p45: 4503599627370496n, 18446744073709551398n, 18446744073709551456n, 288230376151711744n
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

test("p45", (ctx) => {
  let v0: u32 = u32(ctx.arg(0));
  let v1 = i32(ctx.arg(1));
  let v2 = i8(ctx.arg(3));
  v2--;
  v0 %= ((v0 + v0) | (i16(0x6a37) > i16(0) ? v0 : v0));
  const v3: u8 = u8((u8(242) >= u8(v2) ? u8(100) : (u8(0) ^ u8(v2))));
  if ((v1 / i32(-58)) <= (v1 & v1)) {
    v1 &= v1;
    v0 <<= v0;
  } else {
    let v4: i8 = v2;
    out.set(720, u64(i32(-99)));
  }
  v2 += i8(-65);
  sums.add(u64(((i64(-2093905033197729644n) >= i64(717n) ? u64(4294967296n) : u64(v0)) & (u64(0x1000000000000000n) ^ 131072n))), 720);
  highs.record(u64(u8(220)), 720);
  let v5: u8 = v3;
  let v6: u16 = ((i64(608n) < -233n ? u16(i16(256)) : u16(0x7fff)) | 31);
  const s7: S = { a: (v5 & 104), b: i16(-15644), c: u32(v3), d: i64(v0), e: u64(v0) };
  s7.b *= (i64(-187n) < i64(0x2n) ? i16(0) : i16(576));
  structs.set(720, s7);
  const p8 = structs.get(720);
  if (p8 !== undefined) {
    p8.e = p8.e | (u64(8192n) % u64(749n));
    out.set(721, u64(p8.b));
  }
  if ((-v1) < (v1 ^ v1)) {
    v6 -= u16((i64(0x100n) - i64(2147483648n)));
    if (v0 > 649) {
      v2 %= (i8(-29) === 0 ? (v2 >> i8(-1)) : (i8(-67) & 0));
      const v9: i16 = (((i16(-45) + i16(-1)) / (i16(v1) & i16(v1))) & ((i16(v0) === -276 ? i16(-236) : i16(2)) ^ 8));
      if ((v5 < 16 ? i16(v3) : v9) === (v9 - v9)) {
        const s10: S = { a: v5, b: (v9 - v9), c: u32(i64(1024n)), d: (i64(-5505584179389380638n) === i64(-96n) ? i64(64n) : i64(838717159037854740n)), e: u64(18446744073709551555n) };
        s10.e *= (u64(0x40000000000000n) * 7272121421459816213n);
        structs.set(721, s10);
        const p11 = structs.get(721);
        if (p11 !== undefined) {
          p11.d = p11.d + (i64(-231n) & i64(v9));
          out.set(722, u64(p11.d));
        }
        sums.add(u64(u32(i64(32768n))), 720);
        const v12: i16 = v9;
      }
    }
    out.set(723, u64((v1 - 567)));
  }
  out.set(724, u64(v0));
  out.set(725, u64(v1));
  out.set(726, u64(v2));
  out.set(727, u64(v3));
  out.set(728, u64(v5));
  out.set(729, u64(v6));
  return u64(v0);
});
