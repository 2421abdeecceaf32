// Found by the differential test: seed 20261122, program p4.
// map out[70]: kernel "18446744073709549760n", simulator "18446744073709551360n"
// args p4: 64n, 31n, 3n, 16239554162962482320n
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

test("p4", (ctx) => {
  const v0: i16 = i16(ctx.arg(0));
  let v1 = i8(ctx.arg(1));
  let v2: i16 = i16(ctx.arg(2));
  let v3 = u16(ctx.arg(3));
  if (((v3 < v3 && u32(0xffffff21) !== u32(v1)) || (u16(65249) !== v3 && i32(-886420781) >= i32(v1)))) {
    lows.record(u64(((u32(4294967295) | u32(v3)) >> 0x6)), 65);
  }
  let v4: i16 = (((v2 << v0) / i16(1)) + 0);
  for (let k5: u32 = 0; k5 < 5; k5++) {
    if ((u32(v3) < k5 || u64(0xfffffffffffffee5n) !== 32767n)) continue;
    let v6: i8 = (i8(117) % (v1 > 0x1 ? (~v1) : i8(98)));
    const s7: S = { a: (u8(255) ^ u8(255)), b: i16(i32(v3)), c: (~k5), d: (i64(0xffffn) - 2147483647n), e: (v0 > v0 ? u64(k5) : u64(v1)) };
    s7.c ^= (v3 !== v3 ? k5 : k5);
    structs.set(64, s7);
    const p8 = structs.get(64);
    if (p8 !== undefined) {
      p8.a = p8.a * (u64(18446744073709551481n) !== 63n ? u8(v3) : u8(v1));
      out.set(64, u64(p8.c));
    }
  }
  vals.set(64, (~(~u64(18446744073709551520n))));
  const q9 = vals.get(64);
  if (q9 !== undefined) {
    v1 >>= ((v1 - v1) >> (v1 / v1));
    out.set(65, (~u64(31n)));
  }
  out.set(66, u64(u32(965)));
  for (let k10: u32 = 0; k10 < 2; k10++) {
    if ((v1 - v1) >= 64) {
      v3 <<= ((v3 % v3) >> (v2 <= v0 ? u16(v4) : v3));
    }
    for (let k11: u32 = 0; k11 <= 6; k11++) {
      const s12: S = { a: (u8(0) % u8(255)), b: v0, c: (u32(0x9a99edf3) * k11), d: (i64(-279n) + 0x219071926c0b5ef9n), e: (u64(32767n) & u64(0x7fffffffn)) };
      s12.e = (u64(256n) + u64(255n));
      structs.set(65, s12);
      const p13 = structs.get(65);
      if (p13 !== undefined) {
        p13.b = p13.b * (~v4);
        out.set(67, u64(p13.c));
      }
      let v14: u64 = u64(18446744073709551497n);
    }
  }
  for (let k15: u32 = 0; k15 < 3; k15++) {
    vals.set(64, ((i8(123) <= v1 ? u64(10478331038300084987n) : u64(18446744073709551587n)) << u64(32768n)));
    const q16 = vals.get(64);
    if (q16 !== undefined) {
      vals.set(64, (~u64(v4)));
      const q17 = vals.get(64 + 1);
      if (q17 !== undefined) {
        out.set(68, u64(v1));
        out.set(69, (u64(32767n) + q17));
      }
      out.set(70, (q16 << 6n));
    }
    out.set(71, u64((i64(v3) % i64(k15))));
  }
  let v18: u32 = (u32(63) / 112);
  switch ((-i32(v4))) {
    case 5: {
      v1 <<= v1;
      break;
    }
    case 0x0: {
      sums.add(u64((i64(0n) & (i64(v18) + i64(6664234089959885506n)))), 64);
      break;
    }
    default: {
      const v19: i8 = (((v1 - v1) * -55) >> (v1 * -100));
    }
  }
  out.set(72, u64(v0));
  out.set(73, u64(v1));
  out.set(74, u64(v2));
  out.set(75, u64(v3));
  out.set(76, u64(v4));
  out.set(77, u64(v18));
  return u64(v1);
});
