// Found by the differential test: seed 20261155, program p12.
// p12: the verifier rejected it: diff_20261155.ts:604:15:  /     out.set(192, u64(((u16(v0) - u16(0x0)) % (i8(-118) > 0 ? u16(8) : u16(0))))); /   The verifier rejected program 'p12' at instruction 10: div by zero [EINVAL]
// args p12: 10349605413440106541n, 18446744073709551425n, 22n, 8589934592n
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

test("p12", (ctx) => {
  const v0 = u64(ctx.arg(2));
  const v1: u64 = u64(ctx.arg(3));
  for (let k2: u32 = 0; k2 < 2; k2 += 1) {
    if ((i8(126) % i8(64)) > (i8(-100) << i8(117))) {
      out.set(192, u64(((u16(v0) - u16(0x0)) % (i8(-118) > 0 ? u16(8) : u16(0)))));
      if ((u8(52) > u8(0) ? i16(-25513) : i16(k2)) < -28991) {
        const s3: S = { a: (u8(v1) & u8(0x0)), b: i16(0), c: k2, d: i64(0x360n), e: (v1 << u64(k2)) };
        s3.e ^= u64(u16(786));
        structs.set(192, s3);
        const p4 = structs.get(192);
        if (p4 !== undefined) {
          p4.e = p4.e + (u64(7625329341302735745n) + 746n);
          out.set(193, u64(p4.c));
        }
        const s5: S = { a: u8(0), b: i16(-4026), c: (k2 & k2), d: i64(4096n), e: v1 };
        s5.a = (u8(k2) + u8(0));
        structs.set(193, s5);
        const p6 = structs.get(193);
        if (p6 !== undefined) {
          p6.e = p6.e + (~u64(k2));
          out.set(194, u64(p6.d));
        }
      }
    } else {
      vals.set(194, v0);
      const q7 = vals.get(194);
      if (q7 !== undefined) {
        vals.set(194, (~(q7 * u64(17592186044416n))));
        const q8 = vals.get(194);
        if (q8 !== undefined) {
          vals.delete(192);
          out.set(195, u64(65536n));
        }
        out.set(196, v0);
      }
      let v9: u8 = (u8(0) << (u8(0x19) + (u8(0) >= u8(130) ? u8(v0) : u8(187))));
    }
    hist.record(u64((k2 % 63)), 192);
    let v10: i32 = (((i32(v1) ^ i32(v0)) | 179) << (i32(v1) ^ i32(-253)));
  }
  if ((u32(v1) > u32(1783618145) || i16(v1) <= i16(-18525))) {
    lows.record(u64((u32(v0) + (u32(2814847006) << u32(v0)))), 192);
    if (u8(88) === (u8(34) % u8(96))) {
      lows.record(u64((i8(u64(145n)) | (i8(0x40) - 0))), 193);
      for (let k11: u32 = 0; k11 <= 1; k11 += 1) {
        out.set(197, u64((~u64(v0))));
      }
    }
    switch ((u32(4294967257) ^ 4294967039)) {
      case 2: {
        out.set(198, u64((i16(-19589) ^ i16(v1))));
        break;
      }
      case 0x2: {
        out.set(199, u64(i32(0x1dd)));
        break;
      }
      default: {
        out.set(200, u64((~(v1 >> 6n))));
      }
    }
  } else {
    for (let k12: u32 = 0; k12 < 2; k12 += 2) {
      if (i32(k12) === i32(-1023143428)) continue;
      out.set(201, u64(((i16(0) - -24694) << i16(-26546))));
      switch ((~i32(788))) {
        case 3: {
          let v13: i8 = ((i32(15) !== i32(8192) ? (i8(2) & -1) : i8(0)) % i8(0x72));
          // falls through
        }
        case 7: {
          out.set(202, u64(((i64(4738785744329388007n) * 598n) | i64(4611686018427387904n))));
          // falls through
        }
        case 4: {
          let v14: u8 = ((i64(32767n) | i64(-8777967128166135352n)) <= (-i64(67108864n)) ? (u64(13979384414183489275n) !== v0 ? (u8(0x3f) ^ u8(255)) : u8(0)) : (i16(868) !== i16(-140) ? (u8(v1) | u8(0xff)) : (u8(v1) / u8(7))));
          break;
        }
        default: {
          let v15: u8 = (((i64(31n) >= i64(2147483647n) ? u8(0xcd) : u8(k12)) - u8(k12)) - u8(i64(814600909665053201n)));
        }
      }
      switch (u32(256)) {
        case 0x3: {
          out.set(203, u64(((u16(0) + u16(8)) + (u16(282) % u16(v1)))));
          break;
        }
        case 7: {
          out.set(204, u64((u16(63) | u16(32768))));
          // falls through
        }
        default: {
          out.set(205, u64(u8(u8(31))));
        }
      }
    }
    const v16: i64 = (-(~i64(183n)));
    if (((u8(193) >= u8(0xd6) || u8(255) <= u8(209)) || i64(v0) !== v16)) {
      if ((i32(v16) !== i32(v16) || i32(8) > i32(-132))) {
        out.set(206, u64(i8(0xa)));
        let v17: u32 = (~u32(v0));
      } else {
        const v18: i64 = (~i64(i32(v16)));
      }
    } else {
      for (let k19: u32 = 0; k19 <= 5; k19++) {
      }
      let v20: i64 = i64(v0);
      v20 >>= ((u64(369n) > v0 ? i64(-167n) : v16) << 0n);
    }
  }
  switch (i32(256)) {
    case 5: {
      if (((v0 > v0 && i32(864) > -1287085518) || i64(31n) !== i64(v0))) {
        let v21: i64 = i64(v0);
      } else {
      }
      // falls through
    }
    case 0x6: {
      let v22: i32 = i32(1765745977);
      // falls through
    }
    case 0: {
      for (let k23: u32 = 0; k23 < 3; k23++) {
        let v24: u64 = (((u64(k23) ^ 942n) - (~v0)) >> ((v1 - 173n) - 63n));
      }
      // falls through
    }
    default: {
      if ((u64(11613425038359419266n) + v0) <= (~v0)) {
      } else {
        let v25: u64 = v1;
        let v26: u32 = u32(v0);
      }
    }
  }
  for (let k27: u32 = 0; k27 < 2; k27++) {
    if ((v1 === 18446744073709551364n && (i8(0x8) !== i8(v0) || i32(208) < i32(2)))) {
      let v28: u32 = u32(4294967048);
      switch ((i32(32768) << i32(k27))) {
        case 0x4: {
          let v29: u8 = (~((u8(v1) - u8(v1)) - (u8(255) + 0x5c)));
          break;
        }
        default: {
        }
      }
    } else {
      const v30: u64 = u64(k27);
      let v31: i8 = (i8(v0) / i8(-1));
    }
    if ((~i16(541)) !== i16(3)) {
      if (!(i32(v1) < i32(364374364))) {
        let v32: u64 = (((~v1) << (u16(v1) !== 65356 ? u64(k27) : v0)) | (u64(i32(32)) % (i64(128n) !== i64(0x40n) ? v1 : v0)));
      } else {
      }
    } else {
      if (!((i16(v0) <= i16(0xb5) || u8(v1) >= u8(46)))) {
        let v33: u16 = ((i16(v0) === i16(0) || (i16(-167) === i16(v1) || k27 >= k27)) ? u16(0) : (~u16(k27)));
      } else {
        const v34: i16 = (((u16(0xff95) <= u16(v1) ? i16(v1) : i16(-169)) - (u8(k27) > 223 ? i16(-212) : i16(k27))) & i16(k27));
      }
    }
    let v35: i16 = (-i16(32767));
  }
  if ((i16(128) >= i16(-9221) || i32(605) > i32(v0))) {
    for (let k36: u32 = 0; k36 < 5; k36++) {
      const v37: i16 = i16(-274);
    }
    switch ((i32(v1) << i32(938813754))) {
      case 0: {
        break;
      }
      case 6: {
        break;
      }
      default: {
        const v38: i16 = i16(0);
      }
    }
  }
  if ((i16(6) === i16(0x55a3) && i64(0x27en) <= i64(-3916049955059861596n))) {
    switch ((u8(v0) << u8(0xf))) {
      case 6: {
        break;
      }
      case 5: {
        break;
      }
      default: {
      }
    }
    switch ((u32(v1) + u32(v0))) {
      case 2: {
        let v39: u64 = ((~(v0 + u64(70368744177664n))) - v0);
        // falls through
      }
      default: {
      }
    }
  } else {
    for (let k40: u32 = 0; k40 <= 1; k40++) {
      if ((u16(65388) === u16(0x225e) || !(u16(32768) === u16(659)))) {
        let v41: u16 = ((~(u16(v1) * u16(65371))) - 65500);
        let v42: i64 = ((i64(i32(2)) & (i32(65535) === i32(0x0) ? i64(8177653667347955346n) : i64(-150n))) - i64(0xffffffffn));
      } else {
      }
      switch (i32(v0)) {
        case 6: {
          break;
        }
        default: {
          const v43: i64 = (~(i64(k40) + (i64(0x2f3n) >= i64(1n) ? i64(-38n) : i64(k40))));
        }
      }
    }
  }
  let v44: u8 = (~u8(255));
  switch ((~u32(3174368364))) {
    case 7: {
      v44 /= ((v44 | u8(v0)) | 0);
      // falls through
    }
    case 0: {
      switch (i32(v0)) {
        case 7: {
          let v45: i32 = (i32(0x0) / (i32(-250) << 2));
          // falls through
        }
        case 1: {
          break;
        }
        default: {
        }
      }
      break;
    }
    default: {
      v44 *= (v44 ^ 0);
    }
  }
  return u64(v44);
});
