// Found by the differential test: seed 20261127, program p31.
// map structs[497]: kernel {"a":45,"b":1653,"c":0,"d":"32767n","e":"18436578588997159123n"}, simulator {"a":45,"b":1653,"c":0,"d":"32767n","e":"18436610887151225043n"}
// args p31: 32768n, 613n, 17179869184n, 18446744073709551405n
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

test("p31", (ctx) => {
  const v0: i16 = i16(ctx.arg(1));
  const v1 = u16(ctx.arg(2));
  const v2: i8 = i8(ctx.arg(3));
  const s3: S = { a: u8(0), b: (i16(v1) + v0), c: (u32(351) | u32(v2)), d: (i64(v1) - 127n), e: (u64(65535n) - u64(0xfffffffffffffff8n)) };
  s3.b += i16(i8(-1));
  structs.set(496, s3);
  const p4 = structs.get(496);
  if (p4 !== undefined) {
    p4.b = p4.b | i16(v1);
    out.set(496, u64(p4.a));
  }
  vals.set(498, (u64(18446744073709551325n) << (u64(0xffffffffffffff0bn) / u64(31n))));
  const q5 = vals.get(498);
  if (q5 !== undefined) {
    if ((q5 < q5 || (u32(v2) !== 868567394 || i32(-110) > 634))) {
      vals.set(498, (q5 - 18446744073709551361n));
      const q6 = vals.get(498);
      if (q6 !== undefined) {
        const s7: S = { a: u8(v2), b: (i16(784) + 256), c: (i64(v0) === 591n ? u32(127) : u32(v1)), d: i64(32767n), e: (~u64(377771804296509228n)) };
        s7.b += v0;
        structs.set(497, s7);
        const p8 = structs.get(497);
        if (p8 !== undefined) {
          p8.e = p8.e | (q5 << u64(v0));
          out.set(497, u64(p8.d));
        }
        out.set(498, (~q5));
      }
    } else {
      hist.record(u64((u8(v2) > 0 ? (~q5) : (~u64(1024n)))), 496);
    }
    out.set(499, u64(4898495429503432672n));
  }
  for (let k9: u32 = 0; k9 < 1; k9++) {
    vals.set(498, u64(0x80n));
    const q10 = vals.get(498);
    if (q10 !== undefined) {
      let v11: u8 = (((i32(0) <= i32(k9) ? u8(8) : u8(v0)) + u8(0)) & (~(u8(208) / u8(144))));
      out.set(500, q10);
    }
    if (!(i16(v1) >= v0)) {
      if (v2 >= v2) {
        hist.record(u64((i32(v1) << i32(963))), 496);
        hist.record(u64(v2), 497);
      } else {
        let v12: i32 = i32(-68);
        let v13: i64 = (-((~i64(288230376151711744n)) + (i64(v0) << i64(2147483647n))));
        v13 <<= (i64(256n) >> (v12 > 305 ? v13 : i64(v12)));
      }
      switch ((i32(128) >> i32(64))) {
        case 7: {
          out.set(501, u64(i64((~u64(v1)))));
          break;
        }
        default: {
          let v14: u8 = (~u8(101));
        }
      }
      if (i32(0x0) !== -111) {
        out.set(502, u64(u32(0)));
      } else {
        out.set(503, u64(v2));
        out.set(504, u64(v1));
        out.set(505, u64(u32(648)));
      }
    }
    out.set(506, u64(i16((u16(64) ^ u16(0x119)))));
  }
  if (!(i64(v0) >= i64(-57n))) {
    if ((~i16(877)) > (v0 * i16(v2))) {
      if ((v0 - i16(-118)) > 10564) {
        out.set(507, u64(i16(u32(2147483648))));
        out.set(508, u64(v1));
        out.set(509, u64((u32(i64(0xffffffffn)) | (u32(0) & u32(v1)))));
      }
    } else {
      if (u32(65535) < (~u32(0xffffff1f))) {
        out.set(510, u64(i32(v1)));
        const v15: i16 = ((-v2) <= (v2 / v2) ? ((-v0) - 0) : ((u8(0) > u8(0) && v2 <= v2) ? (v0 - i16(255)) : (-i16(2048))));
        const v16: i64 = ((i64(v0) - (i64(36028797018963968n) + i64(0x800000000n))) - 188n);
      }
      if (u16(u32(0x1da)) <= 0xffbb) {
        let v17: i16 = (((v0 ^ v0) - i16(v1)) + i16((v2 | i8(-1))));
      }
      switch ((u32(v0) ^ u32(227))) {
        case 1: {
          break;
        }
        case 7: {
          break;
        }
        default: {
        }
      }
    }
    for (let k18: u32 = 0; k18 < 3; k18++) {
      if (u8(v2) !== 191) continue;
      switch (v0) {
        case 1: {
          let v19: i16 = v0;
          break;
        }
        case 3: {
          let v20: i16 = (v0 ^ v0);
          break;
        }
        default: {
        }
      }
    }
    if (v1 >= 0xfd) {
      for (let k21: u32 = 0; k21 < 4; k21 += 1) {
        let v22: u16 = v1;
      }
    } else {
      const v23: i8 = (((v2 / v2) % v2) - ((i64(v1) < i64(0x10000000n) ? v2 : v2) + (v2 - v2)));
      if (i64(u8(v1)) <= i64(31n)) {
      }
    }
  }
  if ((-i64(137438953472n)) !== i64(i32(0x82))) {
    for (let k24: u32 = 0; k24 < 2; k24++) {
      switch ((v0 - 31)) {
        case 3: {
          break;
        }
        case 5: {
          break;
        }
        default: {
        }
      }
      switch ((v1 < 53932 ? i32(0) : i32(-109))) {
        case 3: {
          // falls through
        }
        case 6: {
          break;
        }
        case 7: {
          // falls through
        }
        default: {
        }
      }
    }
    if ((i16(931) - v0) >= (-v0)) {
      switch ((u8(106) % u8(127))) {
        case 0x4: {
          // falls through
        }
        case 7: {
          break;
        }
        case 1: {
          break;
        }
        default: {
          let v25: i32 = ((~i32(1800747194)) | (i32(v1) * -1));
        }
      }
    } else {
      switch ((v0 - v0)) {
        case 5: {
          let v26: u16 = (~v1);
          break;
        }
        case 0x3: {
          // falls through
        }
        case 1: {
          const v27: u32 = u32(4294967201);
          break;
        }
        default: {
          const v28: i8 = (((i8(v0) & i8(21)) + -92) & -64);
        }
      }
      if ((u64(3n) !== 1073741824n || (v2 <= 0x0 && i32(-1083851073) === i32(v0)))) {
        let v29: i64 = (~((i64(-56n) % i64(-6253845793665219161n)) | 8n));
        let v30: u8 = ((u8(v1) & u8(213)) << u8(128));
      }
    }
  } else {
    if (u32(4294967234) > (u32(8) ^ 0)) {
      const v31: u32 = (((u32(294) & u32(2522558982)) | u32(v1)) | 0x20);
      if (u8(v31) >= (u8(94) | u8(v1))) {
      } else {
      }
      switch ((u8(47) > u8(v2) ? u8(v1) : u8(0x0))) {
        case 0x1: {
          // falls through
        }
        case 4: {
          break;
        }
        case 3: {
          break;
        }
        default: {
        }
      }
    }
  }
  let v32: i8 = ((v2 >> (v2 & -77)) | (v2 + (i8(87) % -77)));
  for (let k33: u32 = 0; k33 < 6; k33++) {
    let v34: u64 = (u64(2147483648n) - u64(k33));
  }
  return u64(v2);
});
