// Found by the differential test: seed 20261157, program p7.
// map out[113]: kernel "146n", simulator "18446744073709551446n"
// args p7: 3478181825535314282n, 68719476736n, 1n, 1152921504606846976n
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

test("p7", (ctx) => {
  let v0 = i32(ctx.arg(0));
  const v1 = i16(ctx.arg(2));
  for (let k2: u32 = 0; k2 < 3; k2++) {
    let v3: i8 = (i8(k2) + ((i32(k2) > i32(1285319698) ? i8(0x0) : i8(v1)) ^ -44));
    if ((u8(v1) >= 215 || v1 >= v1)) {
      if ((~u64(0xef082c09141d336en)) !== (u64(v0) - u64(15532749173687502653n))) {
        vals.set(114, u64(154n));
        const q4 = vals.get(114);
        if (q4 !== undefined) {
          vals.set(114, (~(u64(0xffffffffffffff3dn) % q4)));
          const q5 = vals.get(114);
          if (q5 !== undefined) {
            highs.record(u64(((-i64(127n)) * 4638851917399650727n)), 113);
            out.set(112, (q4 / q4));
          }
          out.set(113, (q4 & u64(v3)));
        }
        out.set(114, u64(((u16(0xffff) === u16(64) && v3 === i8(k2)) ? u8(0) : (~u8(0)))));
      }
    }
    let v6: i8 = v3;
  }
  const v7: u16 = (~((~u16(22153)) % (u16(v0) << 2)));
  switch ((i32(0x2ab) - v0)) {
    case 1: {
      let v8: i64 = i64(367n);
      break;
    }
    case 0: {
      for (let k9: u32 = 0; k9 <= 6; k9++) {
        let v10: i64 = i64(v7);
        v0 /= v0;
        const s11: S = { a: u8(0x55), b: (u64(0xffffffffffffffadn) > u64(1048576n) ? v1 : i16(483)), c: u32(0), d: (u64(0x378n) < u64(18446744073709551606n) ? v10 : v10), e: u64(v10) };
        s11.a ^= u8(128);
        structs.set(112, s11);
        const p12 = structs.get(112);
        if (p12 !== undefined) {
          p12.b = p12.b | v1;
          out.set(115, u64(p12.e));
        }
      }
      break;
    }
    default: {
      v0 += (i32(956321696) ^ v0);
    }
  }
  sums.add(u64((i8(0x0) - (i8(v1) - i8(v0)))), 113);
  for (let k13: u32 = 0; k13 <= 4; k13++) {
    const v14: i16 = (v1 & v1);
    const v15: i64 = ((~(i64(v0) & i64(947n))) + (~(u32(0) >= k13 ? i64(-1280340936473905995n) : i64(v14))));
    hist.record(u64(((i8(v14) - 0) ^ i8(0))), 113);
  }
  v0 &= v0;
  vals.set(112, (~u64(285n)));
  const q16 = vals.get(112 + 1);
  if (q16 !== undefined) {
    for (let k17: u32 = 0; k17 < 3; k17++) {
      for (let k18: u32 = 0; k18 < 2; k18++) {
        if (i32(-24) >= 127) continue;
        out.set(116, u64(((i8(v0) | -90) * i8(-1))));
        const s19: S = { a: u8(0), b: (v1 - 128), c: u32(u16(34491)), d: (i8(-36) !== i8(27) ? i64(3n) : i64(4733526834024265534n)), e: (u64(k17) >> q16) };
        s19.b += (~v1);
        structs.set(112, s19);
        const p20 = structs.get(112);
        if (p20 !== undefined) {
          p20.e = p20.e - q16;
          out.set(117, u64(p20.a));
        }
      }
      v0 = ((~i32(q16)) - v0);
      switch (u8(v1)) {
        case 7: {
          const v21: u64 = ((u64(k17) - 255n) & q16);
          // falls through
        }
        case 2: {
          out.set(118, u64(((v0 < i32(-296) ? q16 : u64(255n)) ^ 18446744073709551339n)));
          break;
        }
        case 6: {
          out.set(119, u64(u8(k17)));
          // falls through
        }
        default: {
          out.set(120, u64(i8(k17)));
        }
      }
    }
    out.set(121, q16);
  }
  v0 = (~(i32(0) - v0));
  out.set(122, u64(v0));
  out.set(123, u64(v1));
  out.set(124, u64(v7));
  return u64(v7);
});
