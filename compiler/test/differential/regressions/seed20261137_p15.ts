// Found by the differential test: seed 20261137, program p15.
// p15: the verifier rejected it: diff_20261137.ts:1120:46:  /     v0 %= ((i8(113) % v0) / (i8(-126) / i8(0))); /   The verifier rejected program 'p15' at instruction 326: div by zero [EINVAL]
// args p15: 27n, 909n, 7523788552067825322n, 14266684659474163784n
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

test("p15", (ctx) => {
  let v0: i8 = i8(ctx.arg(0));
  let v1: i64 = i64(ctx.arg(2));
  const v2: u32 = u32(ctx.arg(3));
  v0 = v0;
  const v3: u64 = (~u64(0xffn));
  let v4: i16 = ((-(i16(v1) * i16(v0))) / 31);
  switch ((u8(230) <= 0xff ? i32(v1) : i32(131))) {
    case 1: {
      let v5: u8 = ((i8(-1) <= i8(-70) ? (u8(v2) ^ u8(v1)) : u8(v4)) - (u8(76) | u8(0x0)));
      break;
    }
    case 3: {
      if ((~v0) <= (v0 % 0x1)) {
        v1--;
        const s6: S = { a: (u8(v3) | u8(0x20)), b: v4, c: (i8(v4) === v0 ? v2 : v2), d: (v1 * v1), e: (v3 + 7191076781200600073n) };
        s6.c += (u32(0x0) >> v2);
        structs.set(240, s6);
        const p7 = structs.get(240);
        if (p7 !== undefined) {
          p7.a = p7.a - u8(0);
          v4 += p7.b;
        }
      } else {
        v4 ^= (v1 < v1 ? i16(31) : (v4 - v4));
      }
      break;
    }
    case 7: {
      highs.record(u64(v4), 240);
      break;
    }
    default: {
      if ((u64(0x80000000n) === u64(0x800n) && (i16(-21639) >= i16(144) || v3 > v3))) {
        let v8: i64 = (~((v1 << i64(8192n)) + (~v1)));
        const s9: S = { a: (u8(v8) ^ u8(0)), b: i16(v4), c: u32(u16(65535)), d: i64(32768n), e: (i32(0x7fffffff) !== i32(128) ? u64(4398046511104n) : v3) };
        s9.c = (v3 !== u64(0xffffffffffffff6dn) ? v2 : v2);
        structs.set(240, s9);
        const p10 = structs.get(240);
        if (p10 !== undefined) {
          p10.e = p10.e | (~u64(63n));
          out.set(240, u64(p10.e));
        }
      } else {
        v1 ^= (~(~v1));
        out.set(241, u64((u8(u16(v0)) - (u8(128) * u8(v4)))));
        v1 %= i64(127n);
      }
    }
  }
  v1 -= i64(u16(u64(v2)));
  if ((v2 > v2 ? i32(128) : i32(v3)) !== i32(i32(v0))) {
    for (let k11: u32 = 0; k11 < 4; k11++) {
      v4 |= v4;
      for (let k12: u32 = 0; k12 < 6; k12++) {
        if (u8(0x11) >= u8(255)) break;
        vals.set(240, u64(2147483647n));
        const q13 = vals.get(240);
        if (q13 !== undefined) {
          vals.set(240, (u64(v0) & 0x200000000000n));
          const q14 = vals.get(240 + 1);
          if (q14 !== undefined) {
            vals.set(242, ((q14 / q14) & u64(677n)));
            const q15 = vals.get(242);
            if (q15 !== undefined) {
              const v16: i64 = i64(65536n);
              out.set(242, (q14 - q15));
            }
            out.set(243, (~u64(2147483647n)));
          }
          out.set(244, u64(i16(3)));
        }
        let v17: u16 = u16(i8(i16(v4)));
        sums.add(u64(((i32(-12068869) - i32(623)) & (i32(-103) + 8))), 241);
      }
    }
  } else {
    const v18: u8 = ((u8(v2) - u8(v0)) + ((~u8(3)) ^ (v2 < u32(v0) ? u8(v0) : u8(136))));
    for (let k19: u32 = 0; k19 < 5; k19++) {
      lows.record(u64(u16(v0)), 241);
      v0 %= ((i8(113) % v0) / (i8(-126) / i8(0)));
      v1 = (-(i64(k19) * v1));
    }
  }
  for (let k20: u32 = 0; k20 < 5; k20 += 2) {
    let v21: i32 = (((i32(700398134) + i32(0)) + i32(v0)) - (~i32(4096)));
    v4--;
    let v22: u16 = (~((u16(32) | u16(v21)) ^ u16(17418)));
  }
  for (let k23: u32 = 0; k23 < 4; k23++) {
    switch ((i32(0x8000) + -1)) {
      case 0x3: {
        out.set(245, u64(v0));
        break;
      }
      default: {
        out.set(246, u64((v4 * (v4 ^ v4))));
      }
    }
    v4 |= i16((v4 | v4));
    switch (i32(v1)) {
      case 4: {
        v0 += ((v0 % v0) / (v0 << i8(-80)));
        break;
      }
      default: {
        out.set(247, u64(v2));
      }
    }
  }
  switch ((i16(-248) < v4 ? i32(0x40) : i32(134217728))) {
    case 3: {
      for (let k24: u32 = 0; k24 < 6; k24 += 1) {
        out.set(248, u64(((v1 | v1) * i64(u32(4294967072)))));
      }
      break;
    }
    case 1: {
      v1 -= i64(u8(i32(101)));
      // falls through
    }
    default: {
      const v25: i16 = (v4 + i16((u8(0) > u8(136) ? v4 : v4)));
    }
  }
  out.set(249, u64(v0));
  out.set(250, u64(v1));
  out.set(251, u64(v2));
  out.set(252, u64(v3));
  out.set(253, u64(v4));
  return u64(v1);
});
