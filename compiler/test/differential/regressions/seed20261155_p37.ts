// Found by the differential test: seed 20261155, program p37.
// p37: the verifier rejected it: diff_20261155.ts:2577:31:  /     v2 %= ((u16(459) << v2) / 0x0); /   The verifier rejected program 'p37' at instruction 155: div by zero [EINVAL]
// args p37: 128n, 256n, 18446744073709551470n, 512n
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

test("p37", (ctx) => {
  const v0: i64 = i64(ctx.arg(0));
  let v1 = i32(ctx.arg(1));
  let v2: u16 = u16(ctx.arg(2));
  let v3 = u32(ctx.arg(3));
  for (let k4: u32 = 0; k4 < 1; k4++) {
    if ((u64(122n) >= u64(4959295161769068474n) && u64(v2) !== u64(2n))) continue;
    let v5: i8 = ((i8(-1) + i8(i8(-53))) - i8(v2));
  }
  if ((v2 - 65495) === (v2 >> 0x0)) {
    vals.set(594, u64(32768n));
    const q6 = vals.get(594);
    if (q6 !== undefined) {
      const v7: u64 = (v3 <= 128 ? ((i64(v1) >= 2199023255552n ? q6 : u64(v3)) >> 4n) : q6);
      out.set(592, u64(32n));
    }
  } else {
    vals.delete(594);
    let v8: u64 = (~(u64(v0) * 0n));
    v1 = i32(-245);
  }
  highs.record(u64((v0 + 26n)), 593);
  const v9: i64 = i64(1147962713651090028n);
  switch ((u8(139) / u8(v0))) {
    case 6: {
      if (i8(v3) < (i8(0) >> i8(56))) {
        out.set(593, u64((~(u8(v0) | u8(v2)))));
        highs.record(u64((~(~v9))), 593);
      }
      break;
    }
    default: {
      v1 -= v1;
    }
  }
  if ((v1 !== v1 || i8(-1) < i8(18))) {
    v2 %= ((u16(459) << v2) / 0x0);
    for (let k10: u32 = 0; k10 < 6; k10 += 2) {
      const s11: S = { a: (~u8(0x0)), b: (i16(0x305) | -222), c: (v3 & k10), d: (v9 | 1209744637548905627n), e: u64(k10) };
      s11.e ^= u64(v1);
      structs.set(593, s11);
      const p12 = structs.get(593);
      if (p12 !== undefined) {
        p12.a = p12.a | u8(0);
        out.set(594, u64(p12.e));
      }
    }
    let v13: i16 = i16(0);
  } else {
    let v14: u8 = (~((v3 >= u32(0) ? u8(107) : u8(144)) % (u8(124) | u8(0))));
    v3++;
    v14 *= (u8(255) + u8(127));
  }
  for (let k15: u32 = 0; k15 < 2; k15++) {
    if (v1 < 266) break;
    const v16: u32 = ((~(u8(222) >= u8(34) ? k15 : u32(0))) ^ 0);
    highs.record(u64((i64(64n) <= -130n ? (i8(0x8) - i8(63)) : i8(i64(4294967295n)))), 592);
    for (let k17: u32 = 0; k17 <= 5; k17 += 2) {
      if (i32(-1419831809) > v1) break;
      v1 *= i32(255);
      switch ((i16(0x7f) % 558)) {
        case 7: {
          const s18: S = { a: u8(u64(18446744073709551350n)), b: (i16(127) + i16(0)), c: (v3 >> k17), d: i64(v16), e: (~u64(526n)) };
          s18.c = k15;
          structs.set(593, s18);
          const p19 = structs.get(593);
          if (p19 !== undefined) {
            p19.d = p19.d | i64(i32(1));
            out.set(595, u64(p19.d));
          }
          break;
        }
        case 3: {
          vals.delete(593);
          break;
        }
        case 0x0: {
          let v20: i16 = ((~i16(v2)) << i16(1024));
          // falls through
        }
        default: {
          const v21: u16 = (((v2 + u16(256)) & 0xf5f1) ^ ((u16(57172) - 65323) >> (v2 | v2)));
        }
      }
    }
  }
  let v22: u16 = u16(v3);
  if ((u32(2488465500) !== v3 || i16(0) !== 32767)) {
    v3--;
    switch (i16(-207)) {
      case 1: {
        out.set(596, u64(v22));
        break;
      }
      case 4: {
        out.set(597, u64((i16(v9) << (i16(-8) + i16(v2)))));
        break;
      }
      case 3: {
        out.set(598, u64((u64(3n) * u64(v3))));
        break;
      }
      default: {
        let v23: i64 = (i8(-29) === i8(86) ? (v1 > v1 ? v0 : v0) : ((v9 * v0) | 0x24an));
      }
    }
    switch (u32(u8(127))) {
      case 0: {
        v22 %= ((v22 / 0) & (v22 >> u16(65535)));
        // falls through
      }
      case 2: {
        const v24: u16 = ((v9 >> 0x7n) >= (-v0) ? ((v2 + v2) + 5470) : v22);
        break;
      }
      case 7: {
        const v25: i32 = i32(v2);
        break;
      }
      default: {
        out.set(599, u64((-(v9 > i64(0x36fn) ? v0 : v0))));
      }
    }
  } else {
    let v26: i32 = v1;
    v26 >>= i32(u64(0xe182c71afa83fe7an));
    if ((i16(-30646) & 64) !== (i16(v26) - i16(v26))) {
      for (let k27: u32 = 0; k27 <= 3; k27 += 1) {
        if ((k27 >= 322 && v1 === v1)) break;
        const v28: u32 = k27;
      }
    } else {
      switch ((v1 + v1)) {
        case 0x1: {
          v22++;
          break;
        }
        case 0x0: {
          v2 >>= v2;
          break;
        }
        case 4: {
          let v29: i8 = i8(-1);
          break;
        }
        default: {
          v2 *= ((v22 ^ 31) + (u16(65367) >> v22));
        }
      }
      let v30: i16 = i16(u32(v1));
      for (let k31: u32 = 0; k31 <= 4; k31 += 1) {
        if (v3 > k31) break;
        out.set(600, u64(k31));
        out.set(601, u64(((v30 < v30 && v9 < i64(0x4000000000000000n)) ? u64(v0) : (~u64(18446744073709551321n)))));
      }
    }
  }
  out.set(602, u64(v0));
  out.set(603, u64(v1));
  out.set(604, u64(v2));
  out.set(605, u64(v3));
  out.set(606, u64(v9));
  return u64(v22);
});
