// Found by the differential test: seed 20261155, program p18.
// p18: the verifier rejected it: diff_20261155.ts:1119:25:  /     v2 %= ((u64(v1) > u64(813n) || i64(35184372088832n) !== i64(-3812561486793494732n)) ? u8(i64(0x100n)) : (u8(0) + v2)); /   The verifier rejected program 'p18' at instruction 10: div by zero [EINVAL]
// args p18: 15346917772683684642n, 131072n, 255n, 65535n
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
  let v0: u32 = u32(ctx.arg(0));
  let v1 = i32(ctx.arg(1));
  let v2: u8 = u8(ctx.arg(3));
  v2 %= ((u64(v1) > u64(813n) || i64(35184372088832n) !== i64(-3812561486793494732n)) ? u8(i64(0x100n)) : (u8(0) + v2));
  if ((i8(v1) > i8(v1) || v2 >= v2)) {
    out.set(288, u64(((v0 % v0) % 0x15)));
  }
  if ((u16(0x80) <= u16(65535) ? u32(v1) : u32(v1)) > 0x0) {
    v0 %= ((~u32(v2)) + 892);
  } else {
    const s3: S = { a: (v2 | u8(31)), b: (v0 < 31 ? i16(-32768) : i16(v0)), c: (~v0), d: i64(0x80n), e: u64(486n) };
    s3.e ^= u64(0xffffffffn);
    structs.set(288, s3);
    const p4 = structs.get(288);
    if (p4 !== undefined) {
      p4.a = p4.a | v2;
      out.set(289, u64(p4.b));
    }
    const s5: S = { a: (v2 & v2), b: (i16(0xe8) / i16(500)), c: u32(u16(3)), d: (i64(65535n) - i64(308n)), e: (u64(0x80n) - u64(v0)) };
    s5.a ^= u8(92);
    structs.set(288, s5);
    const p6 = structs.get(288);
    if (p6 !== undefined) {
      p6.d = p6.d + (~i64(v0));
      out.set(290, u64(p6.d));
    }
  }
  const v7: i16 = ((v1 <= 1878646004 ? (i16(0) - i16(v1)) : (-i16(255))) * (-i16(64)));
  for (let k8: u32 = 0; k8 < 2; k8 += 2) {
    vals.set(288, ((u64(18446744073709551484n) + u64(2147483647n)) << u64(v2)));
    const q9 = vals.get(288);
    if (q9 !== undefined) {
      lows.record(u64((i16(v7) << i16(457))), 288);
      out.set(291, (q9 + q9));
    }
    if ((v0 << k8) <= u32(u8(128))) {
      vals.set(288, ((u64(32n) / u64(0xc107efe31f1313c7n)) >> 7n));
      const q10 = vals.get(288 + 1);
      if (q10 !== undefined) {
        v1 |= ((-i32(0x8)) | i32(64));
        out.set(292, (u64(673n) / 7n));
      }
      let v11: u16 = (((u16(65535) | u16(1439)) & (u16(v2) ^ u16(63559))) % (~u16(65495)));
    }
  }
  let v12: i16 = (i16(15223) ^ i16(767));
  let v13: u8 = ((~v2) + 63);
  for (let k14: u32 = 0; k14 < 3; k14++) {
    vals.set(289, ((u64(32768n) - 0x4n) << (u64(137438953472n) * u64(8012739466622022027n))));
    const q15 = vals.get(289);
    if (q15 !== undefined) {
      sums.add(u64(i32(0)), 289);
      out.set(293, (v0 > 4103460989 ? u64(4503599627370496n) : q15));
    }
    let v16: u64 = u64((~(v1 * i32(-1))));
    v1 += v1;
  }
  let v17: i8 = (-i8(-108));
  switch ((v7 - v12)) {
    case 1: {
      for (let k18: u32 = 0; k18 < 1; k18++) {
        out.set(294, u64(u16(0xff26)));
      }
      break;
    }
    case 5: {
      for (let k19: u32 = 0; k19 <= 4; k19++) {
        const v20: i16 = ((v7 % (v12 >> v7)) ^ -1);
      }
      // falls through
    }
    default: {
      highs.record(u64(v7), 289);
    }
  }
  v12 += v12;
  out.set(295, u64(v0));
  out.set(296, u64(v1));
  out.set(297, u64(v2));
  out.set(298, u64(v7));
  out.set(299, u64(v12));
  out.set(300, u64(v13));
  out.set(301, u64(v17));
  return u64(v0);
});
