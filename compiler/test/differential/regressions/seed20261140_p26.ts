// Found by the differential test: seed 20261140, program p26.
// p26: the verifier rejected it: diff_20261140.ts:1731:19:  /     out.set(425, u64(((v21 % u16(v19)) << (v2 & v2)))); /   The verifier rejected program 'p26' at instruction 414: div by zero [EINVAL]
// args p26: 2147483647n, 7573748503239854569n, 16150458420411381607n, 408n
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

test("p26", (ctx) => {
  let v0: u32 = u32(ctx.arg(0));
  let v1: u32 = u32(ctx.arg(1));
  let v2: u16 = u16(ctx.arg(3));
  vals.set(417, (i16(0x0) !== i16(v2) ? (u64(18024072959910833680n) + 0x8000000000n) : (~u64(18446744073709551600n))));
  const q3 = vals.get(417);
  if (q3 !== undefined) {
    if ((-i32(16384)) < (i32(v2) + 959)) {
      let v4: i64 = (i64(0x20n) - i64(q3));
      let v5: u8 = u8(31);
      v5++;
    } else {
      let v6: u64 = u64(7563289004691657339n);
      v0++;
      for (let k7: u32 = 0; k7 < 2; k7++) {
        let v8: u32 = (~((v1 + k7) * 3817865177));
        vals.set(417, u64(v8));
        const q9 = vals.get(417);
        if (q9 !== undefined) {
          const s10: S = { a: (~u8(0)), b: i16(809), c: (u32(v6) | 0), d: (-i64(33554432n)), e: (q9 ^ v6) };
          s10.b *= (~i16(v1));
          structs.set(416, s10);
          const p11 = structs.get(416);
          if (p11 !== undefined) {
            p11.d = p11.d | (-i64(974n));
            out.set(416, u64(p11.b));
          }
          out.set(417, (v6 + 2147483647n));
        }
      }
    }
    out.set(418, (u64(32n) + q3));
  }
  for (let k12: u32 = 0; k12 <= 6; k12 += 2) {
    v1 /= v0;
    v2 = (i16(0x7f) >= i16(k12) ? (v2 & v2) : u16(i64(v2)));
  }
  out.set(419, u64((i16(v0) >> i16(v2))));
  if ((u16(10945) * u16(10387)) !== 255) {
    highs.record(u64((~(u8(26) - u8(0)))), 417);
    vals.set(418, u64(18446744073709551587n));
    const q13 = vals.get(418 + 1);
    if (q13 !== undefined) {
      const s14: S = { a: u8(i8(v2)), b: (i16(-32768) + 0), c: (v1 | v1), d: (i64(32n) ^ i64(-82n)), e: (u64(v0) + 0x125n) };
      s14.d *= (~i64(v1));
      structs.set(417, s14);
      const p15 = structs.get(417);
      if (p15 !== undefined) {
        p15.e = p15.e + (~q13);
        out.set(420, u64(p15.d));
      }
      out.set(421, (q13 | u64(0x86f7ea28144d4372n)));
    }
    switch (i16(v0)) {
      case 7: {
        hist.record(u64(i16(v0)), 417);
        break;
      }
      default: {
        hist.record(u64(((~u32(65535)) << (u64(18446744073709551431n) <= 325n ? v0 : u32(v2)))), 416);
      }
    }
  } else {
    switch (i16(-97)) {
      case 0x0: {
        let v16: u16 = (u16((v0 - v0)) / (v2 ^ 0x7f));
        break;
      }
      case 0x5: {
        out.set(422, u64((-i64(4294967295n))));
        // falls through
      }
      default: {
        let v17: i32 = (-i32((v2 - v2)));
      }
    }
    switch ((i32(v1) > i32(v1) ? u8(0xff) : u8(33))) {
      case 6: {
        v2 *= (v2 > v2 ? (u8(150) !== u8(255) ? v2 : v2) : (u16(63) + u16(v1)));
        break;
      }
      case 4: {
        out.set(423, u64(((u32(761) / 134217728) / 522)));
        break;
      }
      default: {
        out.set(424, u64(i16((i16(v2) & i16(237)))));
      }
    }
    v1--;
  }
  v2 /= (u32(1024) < 4081715201 ? (v2 * v2) : v2);
  let v18: i64 = i64(713n);
  let v19: i8 = (i8(0x4a) >> i8(v18));
  if ((v1 / v0) >= (u32(0) & v0)) {
    for (let k20: u32 = 0; k20 < 5; k20++) {
      const v21: u16 = (~v2);
      switch ((u8(8) !== 0 ? v0 : k20)) {
        case 7: {
          out.set(425, u64(((v21 % u16(v19)) << (v2 & v2))));
          break;
        }
        default: {
          v1 += ((~u32(0x7fff)) / (~v0));
        }
      }
      const v22: i64 = i64(((u8(0xf4) + u8(0)) / u8(v21)));
    }
  }
  if ((v19 | -25) >= (v19 - v19)) {
    switch ((i32(949) >= i32(v19) ? v1 : u32(684))) {
      case 0: {
        let v23: u16 = v2;
        // falls through
      }
      case 2: {
        let v24: i8 = ((-(i16(128) >= 0 ? v19 : v19)) / v19);
        break;
      }
      case 7: {
        let v25: u8 = u8(0x8f);
        // falls through
      }
      default: {
        out.set(426, u64(u32((u16(v18) !== u16(81) ? i16(973) : i16(v18)))));
      }
    }
    switch ((i16(v18) / -20588)) {
      case 7: {
        out.set(427, u64(u32(2147483647)));
        break;
      }
      case 0x1: {
        const v26: i64 = i64(-3895279188533859481n);
        break;
      }
      default: {
        v2 += v2;
      }
    }
  } else {
    if ((u64(1n) !== 128n ? v2 : v2) <= (v18 === v18 ? v2 : v2)) {
      v0 %= (v0 << (~v0));
    } else {
      v1 <<= ((v1 % 32767) ^ u32(32767));
    }
    let v27: i8 = (~(v19 + 73));
    switch ((i32(-252) / 255)) {
      case 0x0: {
        v0 ^= v1;
        // falls through
      }
      default: {
        out.set(428, u64(((u8(v0) | u8(0)) ^ (~u8(0x36)))));
      }
    }
  }
  switch (v1) {
    case 6: {
      let v28: i32 = (((i32(v2) & i32(v0)) * i32(v2)) + i32(-269));
      // falls through
    }
    case 5: {
      let v29: u8 = (u8(0) & u8(128));
      break;
    }
    case 4: {
      if ((-i64(v0)) >= 279n) {
        v1 *= ((v0 - v1) << (~u32(0)));
      }
      // falls through
    }
    default: {
      switch ((u8(0xb0) & u8(v1))) {
        case 5: {
          out.set(429, u64((-i32(v1))));
          // falls through
        }
        default: {
          const v30: u16 = v2;
        }
      }
    }
  }
  v19 &= v19;
  out.set(430, u64(v0));
  return u64(v1);
});
