// Found by the differential test: seed 20261157, program p40.
// map out[642]: kernel "18446742854609928191n", simulator "18446744073709551615n"
// args p40: 18446744073709551331n, 0n, 7883563988215419151n, 32n
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

test("p40", (ctx) => {
  let v0 = i32(ctx.arg(0));
  const v1 = i64(ctx.arg(1));
  let v2: u8 = u8(ctx.arg(2));
  const v3 = u16(ctx.arg(3));
  let v4: u64 = u64(0xfffffffffffffedbn);
  switch ((v0 + 255)) {
    case 0x2: {
      if ((v1 !== v1 && (v1 !== 1n && v0 >= v0))) {
        v2 -= (v2 + (v2 | v2));
        const s5: S = { a: (~v2), b: (i16(v3) ^ i16(-1)), c: (u32(v2) & u32(4294967088)), d: v1, e: (~v4) };
        s5.d *= (-v1);
        structs.set(640, s5);
        const p6 = structs.get(640);
        if (p6 !== undefined) {
          p6.e = p6.e + (u64(255n) >> 3n);
          v4 += p6.e;
        }
        const s7: S = { a: (v2 ^ v2), b: i16(v2), c: u32(236), d: (v1 + v1), e: u64(14812112504392997379n) };
        s7.b ^= (i16(-1) - i16(84));
        structs.set(641, s7);
        const p8 = structs.get(641);
        if (p8 !== undefined) {
          p8.e = p8.e + v4;
          out.set(640, u64(p8.d));
        }
      }
      break;
    }
    default: {
      if ((~v0) !== (~i32(0x2e6))) {
        vals.set(641, (u64(i8(0x0)) | u64(u32(4294967034))));
        const q9 = vals.get(641);
        if (q9 !== undefined) {
          let v10: u64 = ((i16(v2) === i16(0x151c) ? v4 : (u64(v2) % u64(68719476736n))) - (~v4));
          out.set(641, u64(v1));
        }
        highs.record(u64(((v1 - 127n) + 0x29fn)), 641);
        vals.set(642, ((v4 << v4) * 18446744073709551585n));
        const q11 = vals.get(642);
        if (q11 !== undefined) {
          vals.set(642, u64(v1));
          const q12 = vals.get(642);
          if (q12 !== undefined) {
            lows.record(u64((-(i8(-73) + i8(8)))), 640);
            out.set(642, (~q11));
          }
          out.set(643, q11);
        }
      }
    }
  }
  v2 -= ((~u8(224)) + (v2 ^ v2));
  if (((v3 !== v3 || u8(28) !== v2) && (v0 === 32 && v4 !== v4))) {
    v4 = v4;
  } else {
    v0++;
    if ((i16(-179) !== 0x0 || v3 === 65295)) {
      v2--;
      v0 &= i32(v4);
      sums.add(u64((u16(v4) > v3 ? v2 : v2)), 640);
    }
  }
  const v13: i32 = v0;
  let v14: u32 = ((v4 <= v4 || v0 < i32(-254)) ? ((~u32(128)) + u32(0x20)) : u32(524288));
  switch (i16(23149)) {
    case 0x4: {
      for (let k15: u32 = 0; k15 <= 3; k15++) {
        if (i64(k15) !== v1) break;
        v2 %= v2;
        out.set(644, u64(((v14 | v14) + v14)));
      }
      break;
    }
    default: {
      switch ((u8(230) << u8(128))) {
        case 0: {
          let v16: u16 = (~((~u16(32768)) | v3));
          break;
        }
        case 4: {
          out.set(645, u64(((v1 - 0x1fn) | v1)));
          break;
        }
        default: {
          const v17: i16 = (i16(-1) >> 3);
        }
      }
    }
  }
  out.set(646, u64(v0));
  out.set(647, u64(v1));
  out.set(648, u64(v2));
  out.set(649, u64(v3));
  out.set(650, u64(v4));
  out.set(651, u64(v13));
  out.set(652, u64(v14));
  return u64(v4);
});
