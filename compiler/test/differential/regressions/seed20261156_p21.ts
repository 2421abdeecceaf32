// Found by the differential test: seed 20261156, program p21.
// p21: the verifier rejected it: diff_20261156.ts:1782:19:  /     v5 /= (v5 & 0x0); /   The verifier rejected program 'p21' at instruction 157: div by zero [EINVAL]
// args p21: 7173762710160462913n, 773n, 16075551764300479810n, 337n
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

test("p21", (ctx) => {
  let v0: i32 = i32(ctx.arg(0));
  const v1: i32 = i32(ctx.arg(1));
  const v2 = u16(ctx.arg(2));
  const v3 = i32(ctx.arg(3));
  v0 >>= ((~v1) << 5);
  v0 = ((-i32(-217)) >> (v0 >> v3));
  const v4: u32 = (u32(2128225838) + ((u32(v0) & u32(2147483648)) / (u32(v1) + u32(0x8000))));
  let v5: i8 = (((u8(0) === u8(32) && u8(120) !== u8(v3)) && u8(193) >= u8(255)) ? (i8(v1) | (i8(v1) * i8(-1))) : (-(u64(4294967295n) !== u64(v3) ? i8(-1) : i8(v3))));
  if (((v5 >= 0 || v2 >= u16(32767)) && u8(0) < 230)) {
    let v6: i8 = (i8(v2) ^ -33);
  } else {
    const s7: S = { a: u8(3), b: (i16(127) | i16(255)), c: (u8(0x25) <= u8(v3) ? v4 : u32(v1)), d: i64(0x100000n), e: (u64(2097152n) - u64(65535n)) };
    s7.d = (i64(32767n) ^ i64(7416678349026670241n));
    structs.set(336, s7);
    const p8 = structs.get(336);
    if (p8 !== undefined) {
      p8.e = p8.e - (u64(831n) * u64(0x1f9n));
      out.set(336, u64(p8.d));
    }
    switch (u32(1)) {
      case 6: {
        const s9: S = { a: (u8(v1) >= u8(215) ? u8(v3) : u8(0x0)), b: (v4 === 917 ? i16(0) : i16(29088)), c: (v4 % v4), d: (-i64(v3)), e: (u64(0x31f994058b1bebddn) * u64(18446744073709551446n)) };
        s9.c *= v4;
        structs.set(336, s9);
        const p10 = structs.get(336);
        if (p10 !== undefined) {
          p10.b = p10.b | i16(v2);
          out.set(337, u64(p10.c));
        }
        break;
      }
      default: {
        sums.add(u64(v5), 337);
      }
    }
  }
  lows.record(u64(u64(0x2n)), 336);
  if (i16(7) > (i16(1) + i16(-1287))) {
    vals.set(338, u64(v3));
    const q11 = vals.get(338);
    if (q11 !== undefined) {
      v5 /= (v5 & 0x0);
      out.set(338, (q11 | 2n));
    }
    if ((i16(-153) <= i16(0x80) || (u8(v0) > u8(v4) || i64(v0) >= i64(v2)))) {
      v5 += ((v5 + i8(v0)) ^ (i8(-82) >> v5));
    }
    vals.set(337, ((v2 < v2 ? u64(0xffffffffffffff71n) : u64(v4)) - (u64(12675284897379813832n) & u64(0x800000000000n))));
    const q12 = vals.get(337);
    if (q12 !== undefined) {
      const v13: u64 = (q12 | (q12 + 0x80000000n));
      out.set(339, q12);
    }
  } else {
    if ((u8(1) ^ u8(0)) <= (u8(98) | 0x20)) {
      let v14: i32 = (((v1 - 413) - (-v1)) ^ v1);
      let v15: i16 = i16(v0);
      for (let k16: u32 = 0; k16 < 3; k16++) {
        vals.set(336, ((u64(256n) + 0x16bn) + (~u64(v14))));
        const q17 = vals.get(336);
        if (q17 !== undefined) {
          hist.record(u64(((u8(v5) & u8(25)) % (u8(0) >> u8(199)))), 336);
          out.set(340, (v2 === u16(65484) ? q17 : q17));
        }
        v14 |= ((v14 - 251) >> 2);
      }
    }
    v5 |= i8((i16(v4) >= i16(v1) ? u64(268435456n) : u64(v3)));
    for (let k18: u32 = 0; k18 < 2; k18++) {
      let v19: u8 = u8(0x88);
      switch ((i16(3282) >> i16(v19))) {
        case 5: {
          v5 = v5;
          // falls through
        }
        case 7: {
          out.set(341, u64(v4));
          break;
        }
        case 1: {
          out.set(342, u64(((~i8(0x0)) / 0x20)));
          break;
        }
        default: {
          v0 += (~v0);
        }
      }
    }
  }
  switch (i32(u8(0))) {
    case 3: {
      switch (v4) {
        case 5: {
          out.set(343, u64((v4 + (~v4))));
          break;
        }
        default: {
          const v20: u32 = (v4 / v4);
        }
      }
      break;
    }
    case 0x0: {
      switch ((~u8(45))) {
        case 3: {
          let v21: i32 = i32(v5);
          break;
        }
        default: {
          out.set(344, u64((~v2)));
        }
      }
      // falls through
    }
    default: {
      const v22: i8 = v5;
    }
  }
  if (v2 > 0) {
    switch ((u8(255) << u8(0))) {
      case 7: {
        out.set(345, u64(u64(2199023255552n)));
        // falls through
      }
      case 0x0: {
        out.set(346, u64(((-v5) & 4)));
        // falls through
      }
      default: {
        out.set(347, u64(((i16(v2) >= -2101 && u16(65278) > 291) ? v5 : v5)));
      }
    }
    if ((u64(v1) / 9575225302967002823n) !== (u64(v5) << u64(v2))) {
      v5 += (i16(v2) >= 0x0 ? (~v5) : i8(i64(0x1fn)));
    } else {
      switch ((~u8(172))) {
        case 7: {
          v5 %= ((i64(-5924781053002037339n) < i64(-7647539889526656042n) ? i8(v0) : i8(v3)) * 0x7f);
          break;
        }
        default: {
          out.set(348, u64(v2));
        }
      }
      if ((u8(0) + u8(88)) !== 0x7f) {
        out.set(349, u64(i64(0x400000000000000n)));
        out.set(350, u64((u64(8n) < 18446744073709551593n ? u16(v2) : v2)));
        let v23: u8 = ((~(~u8(0))) % (~(u8(0) | u8(135))));
      } else {
        let v24: u32 = (u32(v5) + ((v4 - v4) | (u32(v2) + v4)));
        const v25: i64 = (i64(v24) - (u64(255n) < u64(36028797018963968n) ? i64(256n) : (i64(549755813888n) + i64(v24))));
      }
      if ((v2 <= u16(128) && v4 <= v4)) {
        let v26: u8 = (i32(u64(2n)) !== (~i32(0xffff)) ? (u8(v3) * (~u8(v4))) : (v4 !== v4 ? (~u8(88)) : (u8(0x1a) / u8(v0))));
      }
    }
  } else {
    switch ((~v4)) {
      case 3: {
        // falls through
      }
      case 0: {
        break;
      }
      case 0x5: {
        break;
      }
      default: {
      }
    }
    switch ((i16(v0) % i16(-93))) {
      case 1: {
        let v27: i16 = i16(-250);
        break;
      }
      case 5: {
        break;
      }
      default: {
        v5--;
      }
    }
    if ((v5 * v5) >= (-v5)) {
      const v28: i16 = ((i16(127) < 0 ? (i16(0xff) << i16(v4)) : (i16(v4) + 847)) | 24700);
      let v29: i64 = (((~i64(241254264569816557n)) << (i64(v5) * i64(8n))) - i64(v28));
    }
  }
  let v30: u32 = ((~(~v4)) % 4294967192);
  if ((v5 / i8(0x0)) !== (-v5)) {
    v0 >>= i32(0);
    for (let k31: u32 = 0; k31 < 2; k31++) {
      v30 >>= (u64(5874825383017639861n) >= u64(0n) ? (~u32(0x100)) : u32(i64(16777216n)));
    }
    switch ((~u8(v1))) {
      case 4: {
        break;
      }
      case 0x2: {
        let v32: i32 = (v3 >> ((-v3) << 5));
        break;
      }
      case 7: {
        const v33: i16 = (i16(-1) >> 0);
        // falls through
      }
      default: {
      }
    }
  } else {
    switch (i16(v3)) {
      case 0: {
        break;
      }
      default: {
      }
    }
    let v34: i8 = i8(u64(1017533058027194686n));
  }
  return u64(v0);
});
