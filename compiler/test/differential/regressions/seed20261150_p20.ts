// Found by the differential test: seed 20261150, program p20.
// p20: the verifier rejected it: diff_20261150.ts:1520:14:  /     v12 %= i16(v11); /   The verifier rejected program 'p20' at instruction 246: div by zero [EINVAL]
// args p20: 256n, 17592186044416n, 18446744073709551559n, 18446744073709551323n
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
  let v0 = i16(ctx.arg(0));
  let v1: i16 = i16(ctx.arg(1));
  const v2 = u64(ctx.arg(2));
  const s3: S = { a: (~u8(v1)), b: (v0 << v1), c: u32(4294967257), d: i64(128n), e: u64(v1) };
  s3.e += (~v2);
  structs.set(321, s3);
  const p4 = structs.get(321);
  if (p4 !== undefined) {
    p4.b = p4.b | (v1 >> 4);
    out.set(320, u64(p4.c));
  }
  let v5: i8 = i8(29);
  vals.set(321, ((v2 - v2) * (u64(v0) << 6n)));
  const q6 = vals.get(321 + 1);
  if (q6 !== undefined) {
    const s7: S = { a: (u16(10) >= u16(65301) ? u8(231) : u8(184)), b: v1, c: (u32(0x1f) < u32(32) ? u32(7) : u32(0x1f)), d: i64(v5), e: (~v2) };
    s7.c = (u32(0xffffffde) + 64);
    structs.set(320, s7);
    const p8 = structs.get(320);
    if (p8 !== undefined) {
      p8.e = p8.e + u64(i8(v1));
      out.set(321, u64(p8.a));
    }
    out.set(322, (v2 ^ 18446744073709551364n));
  }
  vals.set(321, (v2 * 12581395021422369311n));
  const q9 = vals.get(321);
  if (q9 !== undefined) {
    vals.set(320, v2);
    const q10 = vals.get(320 + 1);
    if (q10 !== undefined) {
      v1 ^= (~v1);
      out.set(323, (u64(6942988770188704061n) >> q9));
    }
    out.set(324, (v2 - q9));
  }
  const v11: u8 = (((u8(0) - u8(v2)) + (u8(3) + 0x8f)) * 0x0);
  let v12: i16 = (~(i64(v5) < i64(-251n) ? (i16(704) ^ i16(16484)) : (~v0)));
  let v13: i8 = i8(-128);
  out.set(325, u64(i32(-1)));
  switch ((v11 >> v11)) {
    case 3: {
      v13 *= (v13 - (i8(v12) + v13));
      break;
    }
    case 0x2: {
      let v14: u16 = (((u16(0x8000) | 0x3be) + u16(65373)) >> 6);
      break;
    }
    default: {
      lows.record(u64(i16(v5)), 320);
    }
  }
  v12 %= i16(v11);
  out.set(326, u64(v0));
  out.set(327, u64(v1));
  out.set(328, u64(v2));
  out.set(329, u64(v5));
  out.set(330, u64(v11));
  out.set(331, u64(v12));
  out.set(332, u64(v13));
  return u64(v11);
});
