// Found by the differential test: seed 20261133, program p9.
// p9: the verifier rejected it: diff_20261133.ts:552:17:  /     out.set(147, u64(((v0 / i32(v3)) + i32(v2)))); /   The verifier rejected program 'p9' at instruction 20: div by zero [EINVAL]
// args p9: 562949953421312n, 256n, 33554432n, 2119549118011882565n
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
  const v0 = i32(ctx.arg(0));
  const v1: i32 = i32(ctx.arg(1));
  const v2: i16 = i16(ctx.arg(3));
  const v3: i16 = (i16((v1 + v0)) * 0x0);
  if (u8(u64(0x0n)) < u8(31)) {
    if ((~u16(v0)) <= (u64(v2) !== 0x3n ? u16(0x0) : u16(32767))) {
      if ((~u8(128)) === (u8(0x6a) | u8(0))) {
        const s4: S = { a: u8(v1), b: (i64(469n) < i64(2199023255552n) ? i16(v1) : v2), c: (u32(0x0) - 63), d: (i64(1n) - i64(2147483648n)), e: u64(1n) };
        s4.e *= u64(2147483647n);
        structs.set(145, s4);
        const p5 = structs.get(145);
        if (p5 !== undefined) {
          p5.a = p5.a * (i32(0x173) <= 0x0 ? u8(0x9a) : u8(v1));
          out.set(144, u64(p5.b));
        }
        const s6: S = { a: (u8(0x3e) & u8(0xd9)), b: (i16(v1) % i16(0)), c: u32(0xffffffc5), d: i64(-163n), e: u64(v2) };
        s6.a ^= (u32(v2) > u32(65536) ? u8(255) : u8(229));
        structs.set(144, s6);
        const p7 = structs.get(144);
        if (p7 !== undefined) {
          p7.b = p7.b * (v2 - -1);
          out.set(145, u64(p7.c));
        }
        out.set(146, u64((u16(108) + (u16(v2) % 65522))));
      } else {
        out.set(147, u64(((v0 / i32(v3)) + i32(v2))));
        vals.set(144, (u64(v2) - u64(v1)));
        const q8 = vals.get(144);
        if (q8 !== undefined) {
          vals.set(146, q8);
          const q9 = vals.get(146);
          if (q9 !== undefined) {
            vals.set(146, q8);
            const q10 = vals.get(146);
            if (q10 !== undefined) {
              const v11: i8 = ((i8(v1) - i8(-1)) * i8((u16(7) ^ u16(65263))));
              out.set(148, q9);
            }
            out.set(149, q8);
          }
          out.set(150, q8);
        }
        hist.record(u64(i8(-41)), 144);
      }
    } else {
      const v12: i16 = ((i32(v2) <= v0 || i64(v3) > i64(v1)) ? ((i16(v1) | v2) + -25492) : v3);
      for (let k13: u32 = 0; k13 < 3; k13++) {
        lows.record(u64(i64(4294967296n)), 144);
        lows.record(u64(((i32(32768) | 3) << (v0 * v1))), 144);
      }
      switch (i16(1)) {
        case 1: {
          let v14: i64 = (((u64(9897221906410558758n) < 3n ? i64(-1798086837156800573n) : i64(0n)) >> 5n) & i64(0xcfn));
          break;
        }
        default: {
          let v15: i32 = v1;
        }
      }
    }
  } else {
    switch (u8(u16(65535))) {
      case 4: {
        out.set(151, u64(((u32(128) === u32(63) ? v2 : i16(0)) ^ -87)));
        break;
      }
      case 5: {
        out.set(152, u64(u16(65353)));
        // falls through
      }
      case 0: {
        out.set(153, u64(i64(300n)));
        // falls through
      }
      default: {
        let v16: i8 = ((-(i8(0) % i8(-54))) / i8(-35));
      }
    }
    out.set(154, u64(((-v3) - (v2 + v3))));
  }
  if (!((u32(131072) <= u32(0x249) && u32(4294967295) === u32(2)))) {
    switch ((u8(v2) - u8(240))) {
      case 0: {
        out.set(155, u64(((i32(-1) >> 5) / (~i32(v2)))));
        break;
      }
      case 1: {
        out.set(156, u64(u64(v1)));
        break;
      }
      case 7: {
        out.set(157, u64((u32(v2) / u32(919271810))));
        // falls through
      }
      default: {
        out.set(158, u64((~u32(0x13136410))));
      }
    }
    if ((u32(v1) < u32(0xfffffefb) ? u8(0x80) : u8(v1)) === (u8(0) - u8(255))) {
      if ((v3 & i16(-32768)) < (i16(0) | v3)) {
      } else {
        const v17: i32 = (i32(v3) + ((v1 | 7) + (i64(-4229851918052955117n) !== i64(v2) ? v1 : v0)));
      }
      if (((i64(65535n) >= i64(3n) || u32(0x0) === 255) || (v3 >= v2 || u64(13788936431920679759n) === 0x80n))) {
        let v18: i16 = (u64(1n) !== 137438953472n ? v2 : (v3 >> v2));
      } else {
        const v19: u8 = ((u8(v3) + (i16(-133) >= v3 ? u8(v0) : u8(v2))) + u8(v3));
      }
      switch (v3) {
        case 1: {
          break;
        }
        case 2: {
          break;
        }
        default: {
        }
      }
    } else {
      for (let k20: u32 = 0; k20 < 1; k20++) {
        if (u16(v3) > 0) break;
      }
      if ((-i32(127)) !== v1) {
      } else {
      }
      if ((i8(0x1) & i8(-1)) < 2) {
        let v21: u16 = (((u16(0x2000) % u16(18484)) / u16(194)) - u16(0));
      }
    }
    if ((i8(0) % i8(-52)) < (i8(0) & i8(-1))) {
      switch ((v1 + i32(-884105929))) {
        case 7: {
          break;
        }
        case 1: {
          break;
        }
        default: {
        }
      }
      let v22: u16 = (u16(0) - 65399);
    }
  } else {
    switch (u32(586)) {
      case 0: {
        let v23: i8 = (((i8(v3) >> i8(113)) % i8(v0)) >> (u8(0) < u8(0) ? (-i8(0x4)) : (i8(v3) << i8(-128))));
        break;
      }
      case 7: {
        break;
      }
      case 4: {
        break;
      }
      default: {
        const v24: i32 = i32(734);
      }
    }
    if (u32(1094571455) < (i8(-109) <= i8(-37) ? u32(0x8) : u32(v1))) {
      switch ((u8(v1) * u8(190))) {
        case 2: {
          let v25: i32 = (((i32(0xdc29531) + 1073741824) ^ (v1 + v0)) / ((i32(64) >> v0) / 524288));
          break;
        }
        case 0x5: {
          break;
        }
        default: {
        }
      }
    }
    switch (u8(42)) {
      case 4: {
        break;
      }
      default: {
        let v26: u8 = u8(191);
      }
    }
  }
  switch (u32(0x1f)) {
    case 7: {
      switch (u8(34)) {
        case 6: {
          break;
        }
        case 0: {
          // falls through
        }
        default: {
        }
      }
      break;
    }
    case 1: {
      switch ((~u32(0xffffffff))) {
        case 2: {
          let v27: i32 = v1;
          // falls through
        }
        default: {
          const v28: u16 = u16(256);
        }
      }
      // falls through
    }
    case 4: {
      if (i8(120) === i8(74)) {
      } else {
      }
      break;
    }
    default: {
      if ((~u8(0x2)) < (~u8(158))) {
        let v29: i64 = ((~u64(0x7fffn)) === (u64(2411488384137529551n) * 64n) ? i64(6899666115665497597n) : (u16(0) !== u16(v2) ? (i64(-3511045183252636936n) | i64(32768n)) : (i64(3416593557056005493n) - i64(0x2n))));
      }
    }
  }
  return u64(v1);
});
