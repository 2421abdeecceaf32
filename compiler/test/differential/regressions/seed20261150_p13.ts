// Found by the differential test: seed 20261150, program p13.
// p13: the verifier rejected it: diff_20261150.ts:974:37:  /     v0 %= (u16(u32(0)) * (u16(v2) % v0)); /   The verifier rejected program 'p13' at instruction 114: div by zero [EINVAL]
// args p13: 32767n, 4294967296n, 1n, 1663975626897176927n
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

test("p13", (ctx) => {
  let v0: u16 = u16(ctx.arg(0));
  let v1: u64 = u64(ctx.arg(2));
  const v2: i64 = i64(ctx.arg(3));
  if (v1 > v1) {
    v0 &= u16(3);
    let v3: i64 = ((u64(0x3n) >= v1 ? v2 : (i64(4398046511104n) * v2)) - v2);
  } else {
    for (let k4: u32 = 0; k4 < 3; k4++) {
      v0++;
      const s5: S = { a: u8(0), b: i16(v1), c: k4, d: (v2 + 3n), e: v1 };
      s5.d += (i64(v1) & v2);
      structs.set(208, s5);
      const p6 = structs.get(208);
      if (p6 !== undefined) {
        p6.e = p6.e | (v1 - v1);
        out.set(208, u64(p6.a));
      }
      const s7: S = { a: (i16(-15064) < i16(v0) ? u8(137) : u8(78)), b: (i16(0x3) * i16(v1)), c: k4, d: (~v2), e: u64(k4) };
      s7.e *= (~v1);
      structs.set(209, s7);
      const p8 = structs.get(209);
      if (p8 !== undefined) {
        p8.a = p8.a + (u8(21) + u8(109));
        out.set(209, u64(p8.b));
      }
    }
    v0 %= (u16(u32(0)) * (u16(v2) % v0));
  }
  let v9: i8 = (-(!(u64(608n) !== u64(v0)) ? (i8(66) % i8(-1)) : (i8(-102) - i8(-1))));
  v1--;
  if (i32(201109372) >= (i32(v9) - 0x10)) {
    if ((i32(0x3c8) & i32(-231)) !== (~i32(0x0))) {
      switch ((i16(-126) - i16(0))) {
        case 0x1: {
          vals.set(208, (u64(i16(-138)) >> v1));
          const q10 = vals.get(208);
          if (q10 !== undefined) {
            const v11: i16 = (-(~(i16(0) % 0xc04)));
            out.set(210, (v1 % q10));
          }
          break;
        }
        default: {
          vals.set(208, (u16(v2) > 65246 ? (i32(0x362) <= i32(-1) ? v1 : v1) : v1));
          const q12 = vals.get(208 + 1);
          if (q12 !== undefined) {
            v0 <<= v0;
            out.set(211, (~u64(0x4an)));
          }
        }
      }
      v0--;
      let v13: u8 = u8(255);
    }
  }
  for (let k14: u32 = 0; k14 < 1; k14++) {
    if (v0 === v0) continue;
    if ((-i32(16384)) >= (i32(-2098679565) === 0x274e7d7a ? i32(v1) : i32(559177434))) {
      v0 ^= ((v0 % u16(k14)) | (~v0));
      v1 /= (!(i16(16384) <= -1) ? v1 : (v1 + v1));
    } else {
      v9 >>= ((v9 + v9) << 7);
      vals.set(210, ((u64(k14) % v1) & (v1 + 4294967296n)));
      const q15 = vals.get(210 + 1);
      if (q15 !== undefined) {
        hist.record(u64(((u64(15175597453332569073n) ^ 0xe5951f0b6dfcaa04n) - 18446744073709551350n)), 209);
        out.set(212, (q15 - 18446744073709551412n));
      }
    }
    let v16: u8 = u8(32);
  }
  v0 = (~v0);
  v9 *= ((i64(v9) !== i64(-3867959980135539143n) ? v9 : v9) / -8);
  for (let k17: u32 = 0; k17 <= 4; k17++) {
    if ((v1 - 63n) !== (v1 << u64(v2))) {
      if ((u8(0) + 0xff) <= u8(209)) {
        let v18: u8 = (u8(52) * u8((k17 >> u32(v2))));
        let v19: i16 = i16(u64((i32(788) - -2147483648)));
      } else {
        hist.record(u64(v1), 208);
        lows.record(u64((v1 > u64(k17) ? (i32(-83) ^ 0) : i32(-109))), 208);
      }
      const v20: i8 = (v9 - ((v9 + v9) + (v9 >> v9)));
      v9 |= ((v9 + -78) ^ v20);
    } else {
      switch (u8(v9)) {
        case 1: {
          out.set(213, u64((~(v2 - v2))));
          break;
        }
        default: {
          out.set(214, u64(u8(40)));
        }
      }
    }
    v9 -= ((v9 / 32) / 31);
  }
  let v21: i32 = (i32(524288) ^ (~(i32(v0) / i32(v1))));
  switch ((v21 * v21)) {
    case 7: {
      switch ((~u8(42))) {
        case 0: {
          out.set(215, u64(((v1 + u64(18446744073709551419n)) + u64(255n))));
          break;
        }
        case 1: {
          out.set(216, u64(i8(i16(u8(v21)))));
          // falls through
        }
        default: {
          out.set(217, u64((-(i16(0) - i16(-1718)))));
        }
      }
      break;
    }
    case 4: {
      if (i16(0x7ee6) >= (i16(-95) - i16(v9))) {
        out.set(218, u64(i32(256)));
      } else {
        out.set(219, u64((~(u64(255n) ^ v1))));
        out.set(220, u64(((u8(250) === 0x7 ? v9 : v9) / v9)));
      }
      break;
    }
    default: {
      for (let k22: u32 = 0; k22 < 4; k22++) {
        let v23: u16 = ((~(v0 / v0)) * 0);
        let v24: i64 = (v2 + (v1 !== v1 ? (v2 + -299n) : (u64(0x200000000000n) >= v1 ? i64(839n) : v2)));
      }
    }
  }
  const v25: u8 = u8(31);
  out.set(221, u64(v0));
  out.set(222, u64(v1));
  return u64(v2);
});
