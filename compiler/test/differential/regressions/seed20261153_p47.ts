// Found by the differential test: seed 20261153, program p47.
// p47: the verifier rejected it: diff_20261153.ts:3072:26:  /     v20 %= (-(v20 & i8(0))); /   The verifier rejected program 'p47' at instruction 129: div by zero [EINVAL]
// args p47: 128n, 18446744073709551589n, 2147483648n, 31n
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

test("p47", (ctx) => {
  const v0: i32 = i32(ctx.arg(3));
  const v1: u32 = u32(32);
  if (u64(18446744073709551414n) !== 0x297n) {
    if (!(u32(v0) === u32(256))) {
      for (let k2: u32 = 0; k2 <= 5; k2++) {
        let v3: u16 = (u16(21303) >> u16(u64(4096n)));
        v3++;
      }
    }
    const v4: u32 = ((u32(v0) / (v1 >> 3)) >> 0);
  } else {
    if (!(u64(v0) !== u64(v0))) {
      if (i16(v1) > i16(0)) {
        sums.add(u64(((u32(0) - u32(v0)) - 0xa86263d5)), 752);
      }
    } else {
      let v5: i16 = i16((i16(v0) >> i16(0x3)));
      v5 |= ((~v5) % 32);
    }
  }
  if (i8(0x40) > (-i8(-47))) {
    vals.set(752, (u64(18446744073709551406n) << (~u64(v1))));
    const q6 = vals.get(752);
    if (q6 !== undefined) {
      const s7: S = { a: (u8(q6) ^ u8(v0)), b: i16(v0), c: u32(127), d: (i64(q6) - 2147483648n), e: (~q6) };
      s7.d += i64(-267n);
      structs.set(752, s7);
      const p8 = structs.get(752);
      if (p8 !== undefined) {
        p8.d = p8.d | (i64(0x8000n) - i64(128n));
        out.set(752, u64(p8.d));
      }
      out.set(753, (u64(32768n) | 4294967295n));
    }
    for (let k9: u32 = 0; k9 <= 3; k9++) {
      highs.record(u64((u32(i16(666)) + (~u32(2147483648)))), 752);
      let v10: u64 = (u64(22n) + 128n);
    }
  } else {
    vals.delete(753);
    if ((u32(2088460451) - v1) > (~v1)) {
      for (let k11: u32 = 0; k11 < 6; k11 += 1) {
        const s12: S = { a: (~u8(0)), b: i16(v1), c: (u32(v0) % u32(0x0)), d: (u64(65535n) === u64(7396649369788326850n) ? i64(-219n) : i64(638n)), e: (u64(2147483647n) / u64(32767n)) };
        s12.e *= (u64(868n) / u64(68719476736n));
        structs.set(752, s12);
        const p13 = structs.get(752);
        if (p13 !== undefined) {
          p13.c = p13.c | (k11 & v1);
          out.set(754, u64(p13.a));
        }
        vals.set(752, u64(2147483648n));
        const q14 = vals.get(752);
        if (q14 !== undefined) {
          hist.record(u64((-(i64(2n) - 8589934592n))), 753);
          out.set(755, (u64(v0) - q14));
        }
      }
      switch (i16(256)) {
        case 7: {
          const v15: i64 = ((u8(2) !== u8(248) ? v1 : v1) < (v1 + v1) ? (u64(v0) > 575n ? (i64(1n) * i64(476n)) : (i64(v0) | i64(v0))) : i64(v1));
          break;
        }
        default: {
          out.set(756, u64((-(i32(v1) & v0))));
        }
      }
      let v16: i64 = ((i64(-5450787854940804339n) + -3420343682249367416n) - (~i64(63n)));
    } else {
      let v17: i16 = ((-i16(-68)) << i16(v0));
      out.set(757, u64((i64(788n) >= 63n ? (~i64(573n)) : i64(i64(65536n)))));
      switch ((~v1)) {
        case 3: {
          let v18: i8 = ((i8(v1) % i8(v1)) ^ i8(v1));
          break;
        }
        case 2: {
          let v19: i64 = (-(i64(0x1efn) - 7n));
          // falls through
        }
        default: {
          v17 <<= ((v17 - i16(0x0)) | v17);
        }
      }
    }
  }
  let v20: i8 = i8(v0);
  switch ((u8(0xff) + 138)) {
    case 1: {
      switch ((i16(0x0) + i16(-192))) {
        case 1: {
          out.set(758, u64((~i64(-280n))));
          // falls through
        }
        default: {
          let v21: u16 = (((u16(56164) - u16(v0)) >> (~u16(1))) << (u16(65535) - (~u16(597))));
        }
      }
      break;
    }
    case 7: {
      let v22: i32 = (((i32(v20) >> 6) + i32(v1)) % ((v0 <= v0 || i64(0x200000000000n) < 562949953421312n) ? (i32(2) & 2) : (i32(v20) & v0)));
      break;
    }
    default: {
      v20 %= (-(v20 & i8(0)));
    }
  }
  const v23: i16 = i16(0);
  out.set(759, u64(v0));
  out.set(760, u64(v1));
  out.set(761, u64(v20));
  out.set(762, u64(v23));
  return u64(v1);
});
