// Found by the differential test: seed 20261132, program p21.
// map out[340]: kernel "18446743272892485553n", simulator "18446742472075420325n"
// args p21: 4294967295n, 128n, 12283189430847191669n, 9003847370824143666n
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
  let v1 = i16(ctx.arg(1));
  const v2 = u16(ctx.arg(2));
  let v3: u8 = u8(ctx.arg(3));
  const s4: S = { a: (v3 + v3), b: (v1 - i16(v3)), c: (u32(256) | 0x0), d: (i64(128n) - i64(-97n)), e: (~u64(137438953472n)) };
  s4.a = v3;
  structs.set(337, s4);
  const p5 = structs.get(337);
  if (p5 !== undefined) {
    p5.c = p5.c * u32(0);
    out.set(336, u64(p5.e));
  }
  switch ((~v3)) {
    case 2: {
      if ((!(i8(0) > i8(-49)) && u32(0) > u32(v2))) {
        const s6: S = { a: (v3 + u8(8)), b: (v1 - v1), c: u32(423), d: (-i64(v3)), e: (u64(12965951977099119568n) * u64(0xffffn)) };
        s6.c += (u32(4294967295) / u32(1));
        structs.set(337, s6);
        const p7 = structs.get(337);
        if (p7 !== undefined) {
          p7.c = p7.c * (u32(4294967183) * u32(714));
          out.set(337, u64(p7.d));
        }
      } else {
        v0 /= v0;
      }
      // falls through
    }
    case 5: {
      const v8: u16 = ((~v1) > (v1 % v1) ? v2 : ((v2 / v2) | (u16(0x8225) + v2)));
      break;
    }
    default: {
      switch (i32(0x0)) {
        case 7: {
          let v9: u32 = (u32(0x100) % u32(524288));
          break;
        }
        case 0x3: {
          out.set(338, u64((v1 + (i16(0) + 512))));
          break;
        }
        case 2: {
          const v10: u8 = (((v3 - v3) | 127) >> (v3 << 0));
          break;
        }
        default: {
          vals.set(336, ((u64(205n) - u64(16777216n)) * u64(v2)));
          const q11 = vals.get(336);
          if (q11 !== undefined) {
            vals.set(336, ((q11 + q11) + 835n));
            const q12 = vals.get(336);
            if (q12 !== undefined) {
              v1 -= i16(0xd9);
              out.set(339, (~q12));
            }
            out.set(340, (q11 | q11));
          }
        }
      }
    }
  }
  let v13: i32 = ((v0 % i32(v0)) >> v0);
  for (let k14: u32 = 0; k14 < 4; k14++) {
    if (u64(18446744073709551377n) === u64(165n)) continue;
    v13 ^= (v0 >> (k14 < 284 ? i32(0) : v0));
  }
  for (let k15: u32 = 0; k15 <= 6; k15++) {
    out.set(341, u64((i16(32767) + -22305)));
    v3 -= ((v3 ^ v3) << 1);
  }
  v13 &= v0;
  const v16: i8 = i8(0x0);
  for (let k17: u32 = 0; k17 < 6; k17++) {
    highs.record(u64(v2), 336);
  }
  vals.delete(336);
  if ((v2 !== v2 || !(v3 < 0))) {
    lows.record(u64((v2 + v2)), 337);
  } else {
    highs.record(u64((~v2)), 337);
  }
  out.set(342, u64(v0));
  out.set(343, u64(v1));
  out.set(344, u64(v2));
  out.set(345, u64(v3));
  out.set(346, u64(v13));
  out.set(347, u64(v16));
  return u64(v16);
});
