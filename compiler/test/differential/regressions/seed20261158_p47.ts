// Found by the differential test: seed 20261158, program p47.
// map out[755]: kernel "6246533559587763641n", simulator "12493067119175527282n"
// args p47: 6340846818387929907n, 255n, 18446744073709551326n, 31n
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
  let v0: i16 = i16(ctx.arg(2));
  const v1: i8 = i8(ctx.arg(3));
  v0 = i16(0x38d2);
  v0 &= (i16(u16(368)) * (i16(255) / 504));
  v0 %= ((~v0) + -89);
  switch ((u32(0x0) + u32(v0))) {
    case 6: {
      highs.record(u64(i32(1073741824)), 752);
      break;
    }
    case 4: {
      switch (i32(u16(307))) {
        case 3: {
          let v2: u8 = (((u8(247) & u8(v0)) % u8(149)) * 202);
          break;
        }
        case 6: {
          const v3: i32 = ((i32(-29) << i32(32768)) % -98);
          // falls through
        }
        case 0x2: {
          highs.record(u64(((i32(v0) / i32(63)) + (i32(v0) | 0x3f))), 753);
          break;
        }
        default: {
          v0 -= i16((~u16(0)));
        }
      }
      break;
    }
    default: {
      const s4: S = { a: (u8(v1) | u8(163)), b: (v0 - v0), c: u32(988), d: i64(64n), e: (u64(18446744073709551419n) + u64(v0)) };
      s4.e *= (i32(v1) >= i32(67108864) ? u64(15919211033227486712n) : u64(72n));
      structs.set(753, s4);
      const p5 = structs.get(753);
      if (p5 !== undefined) {
        p5.e = p5.e * (u64(6590897704050628944n) % 0x80n);
        out.set(752, u64(p5.d));
      }
    }
  }
  switch ((u8(21) + u8(225))) {
    case 0: {
      v0 /= (~(v0 * i16(v1)));
      break;
    }
    case 4: {
      let v6: u64 = (~((u64(v0) * u64(0x40000000000n)) ^ 6405355764897555827n));
      break;
    }
    default: {
      const v7: u8 = u8(0);
    }
  }
  if ((u16(0x2fd) + u16(614)) <= 63199) {
    const s8: S = { a: (v1 <= v1 ? u8(v1) : u8(245)), b: v0, c: (~u32(102)), d: (i8(-84) < v1 ? i64(-153n) : i64(v0)), e: (u64(0xffffffffffffffd8n) + 4119807308506741900n) };
    s8.e += (u64(18446744073709551550n) % u64(v1));
    structs.set(753, s8);
    const p9 = structs.get(753);
    if (p9 !== undefined) {
      p9.a = p9.a * u8(128);
      out.set(753, u64(p9.d));
    }
    let v10: i64 = (i64(v0) | (-(~i64(0x2n))));
  }
  if ((u16(32) === u16(v0) || (i64(255n) < i64(937n) || v0 <= -93))) {
    for (let k11: u32 = 0; k11 <= 2; k11 += 2) {
      let v12: u32 = u32(2147483647);
      vals.set(753, (~u64(12200210514121787974n)));
      const q13 = vals.get(753);
      if (q13 !== undefined) {
        vals.set(753, (!(v1 <= i8(0)) ? (q13 + q13) : q13));
        const q14 = vals.get(753);
        if (q14 !== undefined) {
          let v15: u64 = u64((i8(v1) + v1));
          out.set(754, u64(i64(v1)));
        }
        out.set(755, q13);
      }
      let v16: u16 = u16(((~u8(k11)) << 1));
    }
  } else {
    if (u64(12822756726672253253n) >= u64(385n)) {
      v0 *= i16(v0);
      if ((i32(-34) >> i32(255)) < -110) {
        const v17: i32 = i32(43439851);
        v0 = v0;
        vals.set(753, (i32(2) >= i32(v1) ? (u64(v1) | 15808532575848744264n) : (u64(32767n) % u64(v17))));
        const q18 = vals.get(753);
        if (q18 !== undefined) {
          highs.record(u64((i32(i8(0)) + 227)), 752);
          out.set(756, (q18 >> u64(18446744073709551385n)));
        }
      } else {
        out.set(757, u64(u16((u8(79) & u8(v0)))));
        out.set(758, u64(v1));
        const v19: i64 = i64((~(~u8(v1))));
      }
      if ((i64(-165n) | i64(4294967295n)) < i64(177n)) {
        out.set(759, u64((~u32(v0))));
      }
    }
    let v20: i16 = v0;
    let v21: u16 = u16(397);
  }
  v0 >>= v0;
  if (((u8(64) >= u8(v0) || v1 !== v1) && u8(0) < u8(v0))) {
    let v22: i16 = v0;
    switch ((i32(v1) / i32(v0))) {
      case 0x0: {
        out.set(760, u64(i8(0)));
        // falls through
      }
      default: {
        out.set(761, u64(i8(u32(v1))));
      }
    }
  }
  if (!(u8(v1) >= u8(253))) {
    v0 = ((v0 + v0) << (v0 | v0));
  } else {
    for (let k23: u32 = 0; k23 <= 5; k23++) {
      v0 *= i16(0x2);
      switch ((-v0)) {
        case 7: {
          out.set(762, u64(i32(u16(u64(0xfffffffffffffee5n)))));
          break;
        }
        case 1: {
          out.set(763, u64(((~u8(255)) + (u8(255) + 0))));
          break;
        }
        default: {
          let v24: i64 = (~i64(661n));
        }
      }
      switch ((u8(72) !== u8(1) ? u8(0x1d) : u8(143))) {
        case 6: {
          out.set(764, u64(((u64(0x2n) ^ u64(65535n)) & 524n)));
          break;
        }
        case 1: {
          out.set(765, u64((u8(k23) & u8(v0))));
          break;
        }
        default: {
          out.set(766, u64(((~u16(7)) + 0x15c)));
        }
      }
    }
    v0 = v0;
    if (i32(v0) >= i32(-65)) {
      v0 >>= (-(i16(-20324) + v0));
      v0 &= (v0 >> 2);
    }
  }
  return u64(v1);
});
