// Found by the differential test: seed 20261147, program p45.
// map out[722]: kernel "484n", simulator "18446744073709316876n"
// args p45: 127n, 64n, 1n, 1n
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

test("p45", (ctx) => {
  const v0 = i16(ctx.arg(1));
  let v1: u8 = u8(ctx.arg(2));
  let v2 = i16(ctx.arg(3));
  let v3: i8 = i8(31);
  if ((u64(7042264706930235251n) < u64(0n) || (u8(78) >= u8(v3) && u32(4294967099) === u32(4294967236)))) {
    const v4: i8 = i8(-118);
    for (let k5: u32 = 0; k5 < 2; k5++) {
      if (v1 < u8(v3)) continue;
      const s6: S = { a: u8(226), b: (v0 % v0), c: (~k5), d: i64(v1), e: u64(1152921504606846976n) };
      s6.d += i64(u32(0x17c1acab));
      structs.set(721, s6);
      const p7 = structs.get(721);
      if (p7 !== undefined) {
        p7.b = p7.b * (-v0);
        out.set(720, u64(p7.c));
      }
    }
  }
  if (u8(u16(255)) !== (v1 * v1)) {
    let v8: u8 = (((u8(0x55) << v1) / (v1 + v1)) % (i32(8192) < i32(v1) ? v1 : u8(0)));
    lows.record(u64((v2 === v2 ? (v2 / i16(-25167)) : (~v2))), 720);
    const s9: S = { a: v1, b: v2, c: (u32(1221885520) >> u32(216849337)), d: (i64(v8) | 0xban), e: (u64(726n) * 0x378n) };
    s9.b *= (~i16(-75));
    structs.set(720, s9);
    const p10 = structs.get(720);
    if (p10 !== undefined) {
      p10.b = p10.b | (v0 - -100);
      v2 += p10.b;
    }
  }
  vals.set(720, ((u64(18446744073709551564n) + u64(2048n)) % u64(756n)));
  const q11 = vals.get(720);
  if (q11 !== undefined) {
    if (!(i8(0x40) <= -107)) {
      vals.set(720, (q11 * (~q11)));
      const q12 = vals.get(720 + 1);
      if (q12 !== undefined) {
        const v13: u8 = (v1 * ((v1 % u8(255)) - (~v1)));
        out.set(721, (q12 >> q12));
      }
    }
    out.set(722, q11);
  }
  switch (i32(-108)) {
    case 3: {
      if (!(u32(4294967018) <= u32(2111319332))) {
        out.set(723, u64((~i8(-128))));
        vals.set(720, ((u64(v2) - u64(13061331109678763522n)) + (u64(64n) >> u64(1217545385432054291n))));
        const q14 = vals.get(720);
        if (q14 !== undefined) {
          v3 -= v3;
          out.set(724, q14);
        }
      }
      break;
    }
    case 0: {
      highs.record(u64((u64(v2) ^ (i32(v0) <= 32767 ? u64(v0) : u64(v1)))), 721);
      // falls through
    }
    default: {
      highs.record(u64(((~u64(0xffffffffffffff66n)) - 18446744073709551569n)), 720);
    }
  }
  if ((v2 & v0) > i16(u32(255))) {
    for (let k15: u32 = 0; k15 < 3; k15++) {
      if (u64(v1) <= 0x7fffffffn) continue;
      for (let k16: u32 = 0; k16 < 5; k16++) {
        out.set(725, u64(i64(127n)));
        v3 = (i64(32n) === 0x253n ? v3 : (v1 > v1 ? v3 : i8(-1)));
        out.set(726, u64(((k15 !== 4294967269 && k16 < k16) ? (~i32(v2)) : (-i32(v2)))));
      }
    }
    let v17: u32 = u32((~(u32(0) + 4294967295)));
    v2 /= ((v2 << v0) - 405);
  }
  out.set(727, u64(v0));
  out.set(728, u64(v1));
  out.set(729, u64(v2));
  out.set(730, u64(v3));
  return u64(v3);
});
