// Found by the differential test: seed 20261130, program p31.
// p31: the verifier rejected it: diff_20261130.ts:1758:16:  /     v3 %= ((v3 | v3) % (i8(0) * v3)); /   The verifier rejected program 'p31' at instruction 73: div by zero [EINVAL]
// args p31: 2147483648n, 256n, 2147483647n, 17284157735906023194n
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

test("p31", (ctx) => {
  let v0: i16 = i16(ctx.arg(0));
  let v1: i32 = i32(ctx.arg(1));
  let v2 = u32(ctx.arg(2));
  let v3 = i8(ctx.arg(3));
  sums.add(u64(i16(u16(9401))), 497);
  const s4: S = { a: u8(94), b: (i16(v2) - 0), c: (i64(v2) < i64(3272757099765931800n) ? v2 : u32(2147483648)), d: i64(-44n), e: (~u64(18446744073709551367n)) };
  s4.d += i64(32768n);
  structs.set(496, s4);
  const p5 = structs.get(496);
  if (p5 !== undefined) {
    p5.a = p5.a | (u8(127) & u8(v3));
    v2 += p5.c;
  }
  v3 %= ((v3 | v3) % (i8(0) * v3));
  for (let k6: u32 = 0; k6 < 2; k6++) {
    const s7: S = { a: u8(v2), b: (v0 | 10), c: k6, d: (i64(v1) + i64(v2)), e: (u64(v0) >> u64(v1)) };
    s7.e = u64(0xffffffffffffffccn);
    structs.set(497, s7);
    const p8 = structs.get(497);
    if (p8 !== undefined) {
      p8.d = p8.d - (i64(8192n) | i64(0xffffffffn));
      v0 += p8.b;
    }
    vals.set(496, u64(256n));
    const q9 = vals.get(496);
    if (q9 !== undefined) {
      vals.set(496, u64(v3));
      const q10 = vals.get(496);
      if (q10 !== undefined) {
        v0++;
        out.set(496, (i8(1) <= v3 ? q9 : q9));
      }
      out.set(497, q9);
    }
  }
  if ((v3 - v3) <= 7) {
    if ((v1 > v1 || u16(65394) <= 2856)) {
      let v11: u8 = u8(v2);
      switch (v11) {
        case 1: {
          vals.set(496, u64(17179869184n));
          const q12 = vals.get(496);
          if (q12 !== undefined) {
            const v13: i8 = v3;
            out.set(498, (q12 ^ q12));
          }
          break;
        }
        default: {
          v3 *= (-v3);
        }
      }
    }
    highs.record(u64(((v2 << v2) >> (v2 | v2))), 496);
    v2--;
  } else {
    let v14: i64 = ((i64(2n) - (-i64(v3))) - 64n);
    highs.record(u64(i32((v14 <= v14 ? u64(v1) : u64(615n)))), 497);
    switch ((u8(0) + u8(245))) {
      case 0x5: {
        const v15: i32 = i32(8388608);
        // falls through
      }
      case 4: {
        out.set(499, u64(((u8(181) / u8(v2)) >> u8(255))));
        // falls through
      }
      case 5: {
        out.set(500, u64((u64(v1) | u64(v2))));
        break;
      }
      default: {
        out.set(501, u64(u8(v3)));
      }
    }
  }
  const v16: i32 = (-v1);
  const v17: u8 = (u64(v1) > 2147483648n ? u8(0x10) : ((~u8(171)) << u8(63)));
  switch ((v17 >> v17)) {
    case 2: {
      v1 += v16;
      break;
    }
    case 5: {
      switch (v0) {
        case 2: {
          v0 &= i16(-100);
          break;
        }
        default: {
          v1 >>= (i32(u16(v3)) - (i32(-1) << 1));
        }
      }
      break;
    }
    case 4: {
      if ((!(u16(v17) <= 0xff97) || (v16 < v16 && i64(288230376151711744n) < i64(2n)))) {
        v2--;
        v0 -= v0;
        v1--;
      }
      break;
    }
    default: {
      let v18: u16 = ((~(u16(64) | u16(v16))) % u16(8));
    }
  }
  switch (v2) {
    case 0: {
      for (let k19: u32 = 0; k19 < 2; k19++) {
        const v20: i8 = v3;
        out.set(502, u64(i32(3)));
      }
      break;
    }
    case 1: {
      switch ((v17 % v17)) {
        case 4: {
          out.set(503, u64(((u64(2147483647n) & 2147483647n) + (u64(7n) ^ u64(v0)))));
          break;
        }
        case 0x3: {
          out.set(504, u64((u8(92) << (v17 - 112))));
          break;
        }
        case 7: {
          out.set(505, u64(v17));
          break;
        }
        default: {
          let v21: i8 = ((v2 !== v2 ? v17 : v17) >= 132 ? (v1 !== v1 ? (i8(-57) << i8(v2)) : (~v3)) : v3);
        }
      }
      break;
    }
    default: {
      switch ((u32(1454168868) + 524288)) {
        case 7: {
          out.set(506, u64(i32(255)));
          break;
        }
        case 0x6: {
          out.set(507, u64((u64(v0) / (u64(v0) + u64(0x1n)))));
          break;
        }
        default: {
          out.set(508, u64(i16(0)));
        }
      }
    }
  }
  let v22: i16 = (~v0);
  out.set(509, u64(v0));
  out.set(510, u64(v1));
  return u64(v1);
});
