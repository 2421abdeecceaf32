// Found by the differential test: seed 20261124, program p9.
// p9: the verifier rejected it: diff_20261124.ts:909:46:  /     v1 = (v0 / (u8(8) !== 0x7 ? u16(0) : v0)); /   The verifier rejected program 'p9' at instruction 207: div by zero [EINVAL]
// args p9: 2147483647n, 14774461799608051813n, 0n, 127n
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

test("p9", (ctx) => {
  let v0: u16 = u16(ctx.arg(2));
  let v1: u16 = u16(ctx.arg(3));
  for (let k2: u32 = 0; k2 <= 1; k2 += 2) {
    if (u64(18446744073709551523n) >= (u64(63n) + u64(k2))) {
      const s3: S = { a: (~u8(128)), b: (i16(-1) + i16(213)), c: u32(v1), d: (i64(18014398509481984n) / 468n), e: u64(v0) };
      s3.e ^= (u64(v0) >> 0x2n);
      structs.set(145, s3);
      const p4 = structs.get(145);
      if (p4 !== undefined) {
        p4.b = p4.b + (i16(v1) * i16(-119));
        out.set(144, u64(p4.b));
      }
      switch (i16(243)) {
        case 2: {
          out.set(145, u64(((i64(k2) <= i64(0x7fn) && i8(-42) > i8(v1)) ? (k2 ^ k2) : k2)));
          break;
        }
        case 7: {
          hist.record(u64((-i8(k2))), 145);
          break;
        }
        case 5: {
          const s5: S = { a: (u8(v1) + u8(v0)), b: (i16(v0) ^ i16(14672)), c: (u64(1024n) === u64(10437374940749330930n) ? u32(v0) : u32(v1)), d: i64(4611686018427387904n), e: (~u64(0x100n)) };
          s5.e ^= (~u64(32768n));
          structs.set(145, s5);
          const p6 = structs.get(145);
          if (p6 !== undefined) {
            p6.d = p6.d * i64(u8(v1));
            out.set(146, u64(p6.a));
          }
          break;
        }
        default: {
          vals.set(144, u64(3n));
          const q7 = vals.get(144);
          if (q7 !== undefined) {
            vals.delete(145);
            out.set(147, (~u64(255n)));
          }
        }
      }
      v0 %= (u16(k2) * v1);
    } else {
      let v8: u8 = ((u8(240) >= u8(v0) ? u8(k2) : (u8(168) << u8(0))) | u8(81));
      vals.delete(144);
    }
    switch (i16(-26411)) {
      case 3: {
        sums.add(u64(((~u64(18446744073709551515n)) + (u64(35184372088832n) - u64(12556868978019811842n)))), 144);
        break;
      }
      default: {
        highs.record(u64((u64(0x20n) - (~u64(2n)))), 145);
      }
    }
  }
  switch ((i32(-1528176088) % i32(-272))) {
    case 7: {
      if ((!(i64(-243n) < 1152921504606846976n) || (u8(89) === 0 || u8(0) <= u8(0xad)))) {
        out.set(148, u64(i64(65536n)));
        out.set(149, u64(((u8(0) >> u8(0)) & 0x20)));
        let v9: u32 = ((u16(599) ^ v1) <= (v1 & v0) ? (~u32(v1)) : ((u64(34359738368n) <= 115n ? u32(0xe0fc4a8a) : u32(v0)) - u32(u16(32768))));
      } else {
        out.set(150, u64(((i64(131072n) - 0xffn) * 6268405515484710467n)));
      }
      break;
    }
    case 1: {
      let v10: u32 = (((~u32(v1)) & (u64(11973051573599845151n) >= 8388608n ? u32(0) : u32(v1))) ^ ((u32(v1) << u32(32768)) % 1467785394));
      // falls through
    }
    default: {
      switch ((u32(0x20000000) + u32(0x8))) {
        case 5: {
          let v11: u8 = (u8(9) % 101);
          // falls through
        }
        default: {
          out.set(151, u64(((i64(2147483648n) - 3507096996702761798n) << i64(-9124778676685751349n))));
        }
      }
    }
  }
  const v12: u64 = (~u64(v0));
  if ((u64(v1) << v12) > (i64(863n) < i64(634n) ? v12 : u64(v1))) {
    if ((u32(0) + u32(v1)) >= (u32(4294967021) >> u32(581))) {
      const v13: i16 = i16(i16(v0));
      out.set(152, u64(((-i8(v1)) & (-i8(-128)))));
      switch (u32(0x40)) {
        case 2: {
          let v14: i64 = i64(v12);
          break;
        }
        case 4: {
          v1++;
          break;
        }
        default: {
          v1 &= (v1 >> (u16(v13) & 127));
        }
      }
    } else {
      const v15: i8 = i8(v1);
    }
    if ((-i32(v12)) <= i32(0)) {
      switch (u32(0)) {
        case 1: {
          v1 = v1;
          break;
        }
        case 4: {
          v0 *= u16(0xffcf);
          break;
        }
        default: {
          let v16: i8 = (((i8(0x0) % i8(v12)) >> 0) | -1);
        }
      }
      v0 *= ((v1 ^ 32767) + (v1 | v1));
    }
  } else {
    switch (i32(u32(128))) {
      case 4: {
        out.set(153, u64(i32(u32(0))));
        break;
      }
      default: {
        out.set(154, u64(i16(688)));
      }
    }
  }
  for (let k17: u32 = 0; k17 <= 4; k17++) {
    v1 <<= (~(~v1));
    switch ((u8(164) * 89)) {
      case 4: {
        v1 = (v0 / (u8(8) !== 0x7 ? u16(0) : v0));
        // falls through
      }
      case 2: {
        out.set(155, u64(u32((i32(v0) < -2147483648 ? v0 : u16(v12)))));
        // falls through
      }
      default: {
        out.set(156, u64(((~u8(v1)) * u8(v12))));
      }
    }
    switch ((u8(0) ^ 0xe5)) {
      case 0x4: {
        out.set(157, u64(((~i64(v12)) ^ 256n)));
        break;
      }
      default: {
        out.set(158, u64((u32(0x7) << (k17 + k17))));
      }
    }
  }
  return u64(v1);
});
