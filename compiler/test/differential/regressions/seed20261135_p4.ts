// Found by the differential test: seed 20261135, program p4.
// p4: the verifier rejected it: diff_20261135.ts:369:22:  /     v1 /= i8((v2 * i16(0))); /   The verifier rejected program 'p4' at instruction 11: div by zero [EINVAL]
// args p4: 262144n, 18446744073709551572n, 8n, 2n
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
  let v0: u8 = u8(ctx.arg(0));
  let v1: i8 = i8(ctx.arg(1));
  let v2 = i16(ctx.arg(2));
  let v3 = u64(ctx.arg(3));
  v1 /= i8((v2 * i16(0)));
  for (let k4: u32 = 0; k4 < 5; k4++) {
    const s5: S = { a: (u8(v1) & v0), b: i16(i32(0x8000)), c: (u32(255) - k4), d: i64(262144n), e: v3 };
    s5.d += (i64(0x80n) + i64(2147483648n));
    structs.set(65, s5);
    const p6 = structs.get(65);
    if (p6 !== undefined) {
      p6.b = p6.b | (k4 < k4 ? v2 : i16(714));
      out.set(64, u64(p6.c));
    }
    const s7: S = { a: v0, b: (~v2), c: (k4 - u32(8)), d: (i64(v2) & i64(-3253409243828462211n)), e: (u64(0xffffffffffffffean) >> u64(2147483648n)) };
    s7.e = v3;
    structs.set(64, s7);
    const p8 = structs.get(64);
    if (p8 !== undefined) {
      p8.a = p8.a + (v0 + 31);
      v2 += p8.b;
    }
    let v9: u64 = ((u16(65364) * 0x2e33) === (u16(255) + u16(65535)) ? ((v2 < 0 ? v3 : u64(v0)) & v3) : ((v3 * 297n) + v3));
  }
  for (let k10: u32 = 0; k10 < 5; k10++) {
    if (i64(-280n) > i64(v3)) continue;
    v2 = v2;
    v0 |= u8((u16(v2) & u16(k10)));
  }
  v0 |= (~(v0 + 0x56));
  for (let k11: u32 = 0; k11 < 4; k11++) {
    if (v0 < v0) continue;
    vals.set(65, ((v2 >= v2 && i8(0) < v1) ? v3 : (~v3)));
    const q12 = vals.get(65);
    if (q12 !== undefined) {
      v3 += u64(18446744073709551386n);
      out.set(65, u64(3n));
    }
    if (!(u8(k11) !== u8(0))) {
      switch ((~k11)) {
        case 0: {
          let v13: u64 = v3;
          break;
        }
        default: {
          vals.set(66, (u64(v2) - 0xffffffffffffff89n));
          const q14 = vals.get(66);
          if (q14 !== undefined) {
            vals.set(66, ((u64(0x40n) << v3) & (u64(v1) - 0x7fffn)));
            const q15 = vals.get(66);
            if (q15 !== undefined) {
              hist.record(u64(((i64(32768n) | i64(-275n)) / (i64(928n) + i64(-7513601110631398704n)))), 64);
              out.set(66, (u16(65476) < 2287 ? q14 : q15));
            }
            out.set(67, v3);
          }
        }
      }
    } else {
      sums.add(u64(((v1 | 32) + (v1 + v1))), 64);
      sums.add(u64(((v2 + v2) | (-v2))), 65);
      for (let k16: u32 = 0; k16 < 4; k16++) {
        out.set(68, u64(((v1 | v1) / (i8(-87) + v1))));
        v3 &= u64(2147483647n);
        out.set(69, u64((u16(0x0) > u16(0xffba) ? v1 : (v1 << i8(v3)))));
      }
    }
  }
  switch ((u32(v1) * 0)) {
    case 5: {
      for (let k17: u32 = 0; k17 < 3; k17 += 2) {
        if (u64(0xffffffffffffffcfn) < v3) break;
        out.set(70, u64((-(-i32(144)))));
        const v18: u64 = u64(i64(v1));
      }
      break;
    }
    default: {
      out.set(71, u64(v2));
    }
  }
  if (i16(0x6e5a) === (v2 >> i16(653))) {
    switch ((~u32(v3))) {
      case 0: {
        const v19: u16 = u16(v2);
        // falls through
      }
      case 7: {
        out.set(72, u64((u32(4294967165) % u32(32767))));
        break;
      }
      default: {
        out.set(73, u64(i16((-v2))));
      }
    }
  } else {
    switch ((i32(256) << 0x6)) {
      case 1: {
        let v20: i16 = ((~v2) & ((-v2) + (u16(v2) > u16(0) ? v2 : v2)));
        break;
      }
      default: {
        out.set(74, u64(((u32(0x3ca30b3a) - u32(v1)) ^ u32(v2))));
      }
    }
    let v21: i64 = (((u32(0x34d) <= 127 ? i64(v3) : i64(32n)) >> i64(v0)) & (-(i64(-131n) >= -263n ? i64(v3) : i64(-205n))));
  }
  switch (v0) {
    case 7: {
      if (v3 <= 11557017999078939840n) {
        out.set(75, u64(((-i32(v2)) % (~i32(-639242018)))));
      } else {
        out.set(76, u64(i64(64n)));
        let v22: i32 = i32(-260);
        out.set(77, u64((v2 - (v2 >> v2))));
      }
      break;
    }
    case 3: {
      for (let k23: u32 = 0; k23 <= 6; k23++) {
        out.set(78, u64((~u16(55946))));
        v3 |= (v3 >> v3);
      }
      break;
    }
    default: {
      const v24: u16 = (((u16(32767) ^ 0) | (v0 >= 255 ? u16(v2) : u16(v3))) & ((u16(v3) % u16(v0)) % u16(0xb5db)));
    }
  }
  v0 |= v0;
  return u64(v0);
});
