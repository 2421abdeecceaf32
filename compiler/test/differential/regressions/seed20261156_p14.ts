// Found by the differential test: seed 20261156, program p14.
// map out[227]: kernel "1099511628781n", simulator "255n"
// args p14: 902n, 130n, 14994353354514139840n, 2n
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

test("p14", (ctx) => {
  const v0 = i32(ctx.arg(0));
  let v1 = i16(ctx.arg(1));
  const v2: i64 = i64(ctx.arg(3));
  v1++;
  const v3: u8 = ((u8(v1) / (u8(0) + 127)) + ((v2 !== v2 ? u8(v0) : u8(31)) | (u8(0x80) ^ u8(v2))));
  if (!(i32(314) === i32(0))) {
    let v4: u8 = v3;
    const v5: i32 = (((v0 & -180) | 0x0) - -1357655948);
    const s6: S = { a: v4, b: (i16(-1) * i16(8)), c: (u32(0x95ebeca8) >= u32(0x391) ? u32(181) : u32(54)), d: v2, e: (u64(210n) + u64(2147483647n)) };
    s6.a = (v5 < i32(255) ? u8(210) : v4);
    structs.set(224, s6);
    const p7 = structs.get(224);
    if (p7 !== undefined) {
      p7.e = p7.e | (u64(0xffffn) % u64(605n));
      v4 += p7.a;
    }
  } else {
    lows.record(u64((u32(2) <= u32(256) ? (u16(0x80) + u16(65269)) : u16(16368))), 224);
    for (let k8: u32 = 0; k8 < 5; k8++) {
      let v9: u32 = u32(v1);
      const s10: S = { a: (u8(49) & u8(0)), b: (u16(7) === u16(0xff94) ? i16(-274) : v1), c: (~v9), d: v2, e: (~u64(35184372088832n)) };
      s10.c *= (~v9);
      structs.set(224, s10);
      const p11 = structs.get(224);
      if (p11 !== undefined) {
        p11.d = p11.d | (v2 % v2);
        out.set(224, u64(p11.a));
      }
    }
    vals.set(225, u64(34359738368n));
    const q12 = vals.get(225);
    if (q12 !== undefined) {
      let v13: i64 = v2;
      out.set(225, q12);
    }
  }
  v1 &= v1;
  vals.set(226, (u64(1099511627776n) + (u64(v0) - u64(152n))));
  const q14 = vals.get(226);
  if (q14 !== undefined) {
    vals.set(226, (q14 ^ (q14 % 4711723308457491808n)));
    const q15 = vals.get(226 + 1);
    if (q15 !== undefined) {
      let v16: u32 = ((v3 <= v3 ? u32(q15) : u32(v0)) <= (u32(344) - u32(0x80000000)) ? u32((q14 - q15)) : ((u32(2) - 503) - 0xff));
      out.set(226, q15);
    }
    out.set(227, (u64(255n) + q14));
  }
  let v17: u32 = (~u32(4294967024));
  for (let k18: u32 = 0; k18 < 6; k18++) {
    if (v0 !== 0x211) continue;
    for (let k19: u32 = 0; k19 < 1; k19++) {
      if ((k18 | v17) > u32(0x1be)) {
        highs.record(u64(((i8(v3) === i8(k18) && u64(v2) < 0x6284ff77715f4f47n) ? (-i32(0x0)) : (-i32(k19)))), 225);
        v17 += k19;
        let v20: i64 = (((v2 << 2n) << 7n) - 128n);
      } else {
        lows.record(u64((k19 >> k19)), 225);
      }
      let v21: i32 = (((v0 + v0) | (~v0)) << (!(i32(v2) !== v0) ? i32(v3) : i32(u64(v2))));
      let v22: u8 = (~u8(u32(u8(v21))));
    }
    for (let k23: u32 = 0; k23 <= 1; k23++) {
      if (v1 !== v1) break;
      switch ((-v0)) {
        case 3: {
          v1 /= (v1 - (v1 - i16(282)));
          break;
        }
        default: {
          out.set(228, u64((v1 !== 0x1000 ? (k18 + v17) : (u32(32393318) >> v17))));
        }
      }
    }
  }
  if ((u64(v1) === u64(v2) ? v1 : i16(v17)) > (v2 < 0x2000000n ? v1 : v1)) {
    v1 = v1;
    if (i16(v2) >= (v1 / v1)) {
      v1 %= ((i16(-110) + -202) + (i16(564) + v1));
    }
  }
  switch (v17) {
    case 0x7: {
      switch (v3) {
        case 0x7: {
          out.set(229, u64(i32(v1)));
          break;
        }
        case 6: {
          out.set(230, u64(((u16(0) !== 31641 ? i32(v17) : v0) ^ v0)));
          // falls through
        }
        case 4: {
          out.set(231, u64(((v1 <= 735 ? v0 : v0) + (v0 >> v0))));
          break;
        }
        default: {
          out.set(232, u64(((v2 ^ 982n) & (~i64(354n)))));
        }
      }
      break;
    }
    case 1: {
      for (let k24: u32 = 0; k24 < 4; k24++) {
        out.set(233, u64(v2));
        let v25: u64 = u64((~(u64(v3) | u64(1099511627776n))));
        v25 = ((u64(v0) * 128n) * (~v25));
      }
      break;
    }
    default: {
      switch (v3) {
        case 0x0: {
          const v26: u8 = v3;
          break;
        }
        case 5: {
          v1 = (-v1);
          // falls through
        }
        case 3: {
          out.set(234, u64(v17));
          break;
        }
        default: {
          out.set(235, u64(((u64(131072n) + u64(0x35bn)) & u64(17592186044416n))));
        }
      }
    }
  }
  v17 *= ((~v17) << u32(i64(v1)));
  v1 >>= i16(v17);
  out.set(236, u64(v0));
  out.set(237, u64(v1));
  out.set(238, u64(v2));
  return u64(v17);
});
