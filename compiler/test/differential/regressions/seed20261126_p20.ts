// Found by the differential test: seed 20261126, program p20.
// map out[324]: kernel "0n", simulator "8191n"
// args p20: 145n, 14260319754981909482n, 127n, 816n
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

test("p20", (ctx) => {
  let v0 = u32(ctx.arg(0));
  let v1: u16 = u16(ctx.arg(1));
  const v2 = u64(ctx.arg(2));
  const v3: u16 = u16(ctx.arg(3));
  for (let k4: u32 = 0; k4 < 2; k4++) {
    if (i32(32) >= i32(v1)) continue;
    if ((i64(816n) !== i64(0x2dfn) ? u32(4294967112) : v0) < (v0 << u32(v2))) {
      const s5: S = { a: (u8(0) << u8(v2)), b: (-i16(0)), c: (v0 * 4294967057), d: (i64(4671812615046985755n) << i64(0x2f3n)), e: (u64(4294967295n) | v2) };
      s5.d *= i64(-186n);
      structs.set(321, s5);
      const p6 = structs.get(321);
      if (p6 !== undefined) {
        p6.e = p6.e * (~v2);
        out.set(320, u64(p6.b));
      }
      lows.record(u64((i16(v0) !== i16(0) ? (v0 - 4294967090) : u32(i64(v0)))), 320);
      for (let k7: u32 = 0; k7 <= 2; k7 += 1) {
        const s8: S = { a: u8(i16(-241)), b: (-i16(0)), c: (u32(v1) - k7), d: i64(-6094595371985307658n), e: (v2 + v2) };
        s8.b += (-i16(0x3c3));
        structs.set(320, s8);
        const p9 = structs.get(320);
        if (p9 !== undefined) {
          p9.c = p9.c + u32(i8(8));
          out.set(321, u64(p9.b));
        }
        vals.set(322, ((~v2) & 697n));
        const q10 = vals.get(322);
        if (q10 !== undefined) {
          out.set(322, u64(i16(0)));
          out.set(323, (v2 + q10));
        }
      }
    } else {
      sums.add(u64(u8(253)), 321);
      if ((i8(-17) & 0) <= 47) {
        vals.set(321, (u64(k4) - 18446744073709551604n));
        const q11 = vals.get(321);
        if (q11 !== undefined) {
          vals.set(321, (~q11));
          const q12 = vals.get(321);
          if (q12 !== undefined) {
            v1 /= ((~v3) + (u16(0x1a7) + 1));
            out.set(324, (q11 >> q11));
          }
          out.set(325, (u64(209n) + u64(586833653106735973n)));
        }
      } else {
        hist.record(u64(u32(i8(v0))), 320);
        out.set(326, u64((i64(-6913216793879808062n) <= -272n ? (i8(0x47) + 1) : (i8(v0) + i8(-1)))));
      }
    }
    const v13: i32 = i32(-189);
    out.set(327, u64((u32(148) >= v0 ? (u64(319n) * v2) : (~v2))));
  }
  let v14: i32 = (-((i32(v2) + i32(v1)) & 337));
  switch (u32(496)) {
    case 7: {
      for (let k15: u32 = 0; k15 < 6; k15 += 1) {
        out.set(328, u64((u8(i8(0x20)) * u8(0x55))));
        v1 %= ((v3 + v1) ^ (v3 / u16(65367)));
      }
      break;
    }
    default: {
      v1--;
    }
  }
  const v16: u32 = (u32(687) % v0);
  v1--;
  switch ((i16(-160) + i16(0x0))) {
    case 0x5: {
      let v17: i16 = i16(v16);
      break;
    }
    case 0x7: {
      for (let k18: u32 = 0; k18 < 4; k18++) {
        out.set(329, u64(u8((u8(8) - 35))));
      }
      // falls through
    }
    case 2: {
      switch (u8(73)) {
        case 5: {
          out.set(330, u64(((v14 ^ 803144471) - v14)));
          // falls through
        }
        case 7: {
          const v19: i64 = i64(v3);
          break;
        }
        default: {
          let v20: i32 = (~(i16(v16) > i16(-32768) ? (i32(0) - v14) : v14));
        }
      }
      break;
    }
    default: {
      let v21: u8 = ((!(v14 <= v14) ? (u8(32) - u8(0x2)) : u8(60)) ^ (i16(v3) < i16(v0) ? u8(200) : u8(v2)));
    }
  }
  out.set(331, u64(u8(v0)));
  if ((i64(64n) ^ 140737488355328n) !== i64(v2)) {
    let v22: i16 = i16(-4);
    if ((v16 - v16) === 127) {
      const v23: u64 = (~((v2 % u64(17220303988209306324n)) * 50n));
      switch ((v16 * u32(0x0))) {
        case 4: {
          v0 |= ((v16 << v16) ^ (~v0));
          break;
        }
        case 7: {
          let v24: i8 = (i8(-1) / i8(116));
          break;
        }
        default: {
          v0--;
        }
      }
    } else {
      switch ((u8(v16) << 5)) {
        case 1: {
          out.set(332, u64(v14));
          break;
        }
        case 3: {
          out.set(333, u64((~v16)));
          break;
        }
        case 2: {
          out.set(334, u64((~(-i8(-39)))));
          // falls through
        }
        default: {
          v14++;
        }
      }
      for (let k25: u32 = 0; k25 < 2; k25 += 2) {
        v0 <<= (v0 - (v0 % u32(783)));
      }
    }
  } else {
    v14++;
    switch ((i16(-113) | i16(-207))) {
      case 1: {
        // falls through
      }
      default: {
        const v26: u64 = (v2 - (v2 & (i8(-117) > -128 ? v2 : v2)));
      }
    }
  }
  switch ((i16(256) / i16(v1))) {
    case 7: {
      const v27: i64 = (i64(v1) << i64(v3));
      // falls through
    }
    case 6: {
      switch ((~v16)) {
        case 0: {
          // falls through
        }
        case 4: {
          break;
        }
        default: {
        }
      }
      break;
    }
    default: {
      v14 -= (~(~v14));
    }
  }
  switch (v14) {
    case 0x0: {
      v1 |= u16(782);
      break;
    }
    case 0: {
      const v28: i8 = i8((u64(u16(60597)) + (u64(18446744073709551465n) * u64(11255299919139814726n))));
      // falls through
    }
    default: {
      v14--;
    }
  }
  return u64(v1);
});
