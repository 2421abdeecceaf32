// Found by the differential test: seed 20261126, program p19.
// p19: the verifier rejected it: diff_20261126.ts:1581:63:  /     sums.add(u64(((i64(32768n) !== 0x100000n ? v0 : v0) / (v1 - v1))), 305); /   The verifier rejected program 'p19' at instruction 173: div by zero [EINVAL]
// args p19: 128n, 2147483648n, 18446744073709551440n, 14108278412282633943n
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

test("p19", (ctx) => {
  let v0: i16 = i16(ctx.arg(0));
  let v1 = i16(ctx.arg(1));
  const v2 = i32(ctx.arg(2));
  const v3: u64 = u64(ctx.arg(3));
  if (v0 >= (i16(-18367) - v1)) {
    v1 %= (v0 - v1);
    for (let k4: u32 = 0; k4 < 5; k4 += 1) {
      const s5: S = { a: (~u8(v3)), b: v0, c: k4, d: i64(u16(857)), e: (v3 << u64(2147483647n)) };
      s5.e ^= (~v3);
      structs.set(305, s5);
      const p6 = structs.get(305);
      if (p6 !== undefined) {
        p6.d = p6.d + (i64(537n) - i64(-4226260688889739266n));
        out.set(304, u64(p6.d));
      }
      v0 %= ((v0 & i16(504)) >> 2);
      const s7: S = { a: u8(k4), b: (v1 & i16(v3)), c: (k4 & 0x0), d: (k4 <= 107 ? i64(104n) : i64(533n)), e: (i64(906n) !== i64(127n) ? v3 : v3) };
      s7.c += u32(118);
      structs.set(305, s7);
      const p8 = structs.get(305);
      if (p8 !== undefined) {
        p8.c = p8.c * k4;
        out.set(305, u64(p8.c));
      }
    }
  } else {
    lows.record(u64((v2 | v2)), 304);
    out.set(306, u64((v2 >= -1 ? i8(v0) : (u16(0x40) < u16(31) ? i8(9) : i8(8)))));
  }
  v1 = i16(-269);
  sums.add(u64(((i64(32768n) !== 0x100000n ? v0 : v0) / (v1 - v1))), 305);
  if (((v3 <= 4503599627370496n && v2 !== v2) || u8(v0) < 7)) {
    v1--;
    vals.set(304, (u64(i64(4194304n)) + (u64(1579970392009034969n) << v3)));
    const q9 = vals.get(304);
    if (q9 !== undefined) {
      v1 <<= v0;
      out.set(307, (i32(0x186a5c77) >= 128 ? v3 : q9));
    }
  }
  const v10: i32 = (v2 + (~i32(u8(213))));
  v1 <<= (!(u8(0x0) === u8(106)) ? (v1 / 0) : (v1 + i16(-1)));
  v0 += ((-i16(681)) | v1);
  v0 <<= i16(127);
  vals.set(305, u64(256n));
  const q11 = vals.get(305);
  if (q11 !== undefined) {
    const v12: i8 = (i8(0x0) - i8(39));
    out.set(308, (q11 ^ v3));
  }
  if ((i64(4611686018427387904n) << 2n) === 0x5en) {
    v1--;
    if (u32(1739677594) < 0x2d4) {
      v0 /= ((v0 + v1) - (v1 - v1));
      highs.record(u64((i8(v10) + (i8(13) / -117))), 304);
    } else {
      vals.set(304, (v2 === v10 ? (v3 + v3) : v3));
      const q13 = vals.get(304);
      if (q13 !== undefined) {
        let v14: u8 = ((i16(-23073) > v1 ? (u8(0) ^ u8(v1)) : u8(q13)) + (u8(1) | u8(0)));
        out.set(309, q13);
      }
    }
  }
  switch (v0) {
    case 2: {
      let v15: u64 = (~(u64(u8(v3)) << 3n));
      break;
    }
    default: {
      let v16: i64 = i64(v1);
    }
  }
  out.set(310, u64(v0));
  out.set(311, u64(v1));
  out.set(312, u64(v2));
  out.set(313, u64(v3));
  out.set(314, u64(v10));
  return u64(v10);
});
