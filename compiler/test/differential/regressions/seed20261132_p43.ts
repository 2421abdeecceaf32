// Found by the differential test: seed 20261132, program p43.
// map out[691]: kernel "15154950107774604717n", simulator "18446744073709550855n"
// args p43: 139n, 2147483648n, 36028797018963968n, 255n
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

test("p43", (ctx) => {
  const v0: u16 = u16(ctx.arg(0));
  let v1 = i32(ctx.arg(2));
  for (let k2: u32 = 0; k2 <= 5; k2++) {
    let v3: u64 = ((u64(520n) >> u64(v1)) === (u64(576460752303423488n) << u64(0xffffffffffffff49n)) ? ((v0 !== 128 ? u64(1024n) : u64(13719617496793857573n)) | (u64(v0) & u64(0xffffffffn))) : ((u64(16122707590549455794n) / u64(32767n)) | u64(u8(0))));
  }
  v1 %= (v1 >> (-i32(v0)));
  let v4: u16 = (i8(63) !== (i64(v0) === 0x8000n ? i8(-91) : i8(1)) ? (u16(0) / 33536) : v0);
  const v5: i8 = ((v1 - v1) >= (v1 ^ i32(32)) ? ((~i8(v1)) % (-i8(0x10))) : i8(v1));
  if ((i16(0) | i16(29688)) < i16(v1)) {
    let v6: i16 = (~i16(0x12d));
    v4++;
  } else {
    for (let k7: u32 = 0; k7 < 3; k7++) {
      if ((k7 >> u32(v4)) !== 4294967022) {
        v4 /= (~(~u16(8)));
      } else {
        hist.record(u64(u32((v1 + v1))), 688);
        v4 -= v4;
        let v8: i16 = ((i16(110) ^ i16(0)) | (-i16(-1)));
      }
      v4 &= u16((i8(k7) << v5));
      const s9: S = { a: (u8(v4) | 0x0), b: (i16(v5) - i16(256)), c: (k7 | k7), d: (i64(v0) << i64(16384n)), e: (u64(2305843009213693952n) + u64(0xffffn)) };
      s9.d *= i64(0x10000000000n);
      structs.set(688, s9);
      const p10 = structs.get(688);
      if (p10 !== undefined) {
        p10.d = p10.d | i64(1179560531996471345n);
        out.set(688, u64(p10.d));
      }
    }
  }
  if ((i8(0x63) <= i8(v4) ? i32(1024) : v1) <= v1) {
    vals.set(690, u64(3291793965934946898n));
    const q11 = vals.get(690);
    if (q11 !== undefined) {
      vals.set(690, u64(0x2f8n));
      const q12 = vals.get(690);
      if (q12 !== undefined) {
        const s13: S = { a: u8(41), b: i16(11737), c: (u32(127) ^ u32(0)), d: i64(v5), e: (~q12) };
        s13.b = (i16(241) >> i16(-1));
        structs.set(688, s13);
        const p14 = structs.get(688);
        if (p14 !== undefined) {
          p14.c = p14.c + (~u32(67108864));
          out.set(689, u64(p14.c));
        }
        out.set(690, u64(v5));
      }
      out.set(691, (~q11));
    }
  } else {
    vals.set(689, ((u64(0x556756cf4a76d24bn) - 32767n) + (u64(127n) ^ u64(2147483648n))));
    const q15 = vals.get(689);
    if (q15 !== undefined) {
      sums.add(u64(i64(274877906944n)), 688);
      out.set(692, u64(u64(108n)));
    }
  }
  v4 -= (~(v0 / v4));
  let v16: u8 = (((u8(195) ^ u8(255)) & (u32(v0) >= u32(3704967166) ? u8(v1) : u8(0))) & ((u8(v5) % u8(v4)) >> u8(112)));
  lows.record(u64((~u8(v4))), 689);
  switch (v1) {
    case 6: {
      v16 = v16;
      break;
    }
    case 5: {
      const v17: u32 = (((~u32(127)) + (u32(0x100) + u32(128))) + u32(561));
      break;
    }
    case 7: {
      switch ((u8(v5) - v16)) {
        case 4: {
          out.set(693, u64(u64(0x878e0bc1e7da74ben)));
          // falls through
        }
        case 0: {
          v16++;
          break;
        }
        default: {
          out.set(694, u64((~u64(i16(0)))));
        }
      }
      break;
    }
    default: {
      for (let k18: u32 = 0; k18 < 5; k18++) {
        out.set(695, u64(((u64(18446744073709551559n) <= u64(17928427846280160692n) || i16(20108) === i16(-1050)) ? v1 : (i64(261n) !== 2199023255552n ? v1 : v1))));
        v16 /= (u8(210) & (v16 & u8(184)));
      }
    }
  }
  out.set(696, u64(v0));
  out.set(697, u64(v1));
  out.set(698, u64(v4));
  out.set(699, u64(v5));
  out.set(700, u64(v16));
  return u64(v1);
});
