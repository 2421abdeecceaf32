// Found by the differential test: seed 20261121, program p18.
// map vals[289]: kernel "13937926064118018009n", simulator "4508817940872056870n"
// args p18: 2147483648n, 1125899906842624n, 18446744073709551497n, 32767n
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

test("p18", (ctx) => {
  const v0: i64 = i64(ctx.arg(2));
  let v1: i8 = i8(ctx.arg(3));
  v1 &= v1;
  for (let k2: u32 = 0; k2 < 5; k2++) {
    const s3: S = { a: (u8(k2) | 7), b: (i16(0x3f) << 3), c: u32(65535), d: (v0 & i64(v1)), e: (~u64(v1)) };
    s3.b += (i16(1) << 1);
    structs.set(288, s3);
    const p4 = structs.get(288);
    if (p4 !== undefined) {
      p4.a = p4.a | (u8(v0) / 255);
      out.set(288, u64(p4.b));
    }
  }
  if (u16(i32(v1)) !== u16(65291)) {
    let v5: u32 = u32(2147483647);
    if ((u64(v1) & 262144n) <= (~u64(v5))) {
      let v6: i32 = (((i32(255) + -68588834) - (i32(v1) ^ i32(-272))) - i32(v5));
    } else {
      for (let k7: u32 = 0; k7 < 3; k7++) {
        if (u32(908) === v5) break;
        out.set(289, u64((u16(u64(7256688417762045654n)) % u16(0x1))));
      }
    }
  } else {
    for (let k8: u32 = 0; k8 <= 1; k8++) {
      highs.record(u64(v1), 288);
      v1 *= i8(v0);
    }
    if ((i16(0) >> i16(-209)) < -194) {
      let v9: u8 = ((~(u8(31) + u8(231))) | (u8(0) + (u8(213) << u8(v0))));
    }
    for (let k10: u32 = 0; k10 < 2; k10++) {
      if (i16(437) < i16(256)) break;
      if ((~i32(k10)) === 32767) {
        lows.record(u64(((~u64(4194304n)) / u64(0x7585940a35c0796cn))), 288);
        const s11: S = { a: u8(k10), b: i16(-24132), c: (k10 >> u32(0xffffff14)), d: (v0 - i64(v1)), e: (u64(v1) + u64(64n)) };
        s11.c += k10;
        structs.set(288, s11);
        const p12 = structs.get(288);
        if (p12 !== undefined) {
          p12.e = p12.e + u64(k10);
          out.set(290, u64(p12.c));
        }
        let v13: u64 = ((v1 === v1 ? u64(k10) : (~u64(k10))) << (u8(63) === u8(203) ? u64(u32(v1)) : (u32(255) !== k10 ? u64(0x831e4becebe8caf8n) : u64(255n))));
      }
      const v14: u16 = ((u16(0xffff) & (~u16(0))) + (u16(v1) - (u16(0xffff) | u16(v0))));
      vals.delete(290);
    }
  }
  v1 -= ((v1 + v1) + (~i8(v0)));
  let v15: i32 = i32(128);
  out.set(291, u64((u32(0) ^ (u32(0) ^ 2406428083))));
  vals.set(289, u64(13937926064118018009n));
  const q16 = vals.get(289);
  if (q16 !== undefined) {
    for (let k17: u32 = 0; k17 <= 6; k17 += 1) {
      if (((v1 > i8(31) || u64(549n) !== q16) && v0 < 982n)) {
        v1 ^= i8(v1);
        v1 |= (~i8(i16(63)));
        vals.set(289, (~(q16 + u64(68719476736n))));
        const q18 = vals.get(289);
        if (q18 !== undefined) {
          sums.add(u64(u8(116)), 288);
          out.set(292, (~q18));
        }
      }
    }
    out.set(293, u64(u64(7980425830402756994n)));
  }
  out.set(294, u64(v0));
  out.set(295, u64(v1));
  out.set(296, u64(v15));
  return u64(v0);
});
