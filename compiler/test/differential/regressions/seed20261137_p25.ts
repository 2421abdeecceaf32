// Found by the differential test: seed 20261137, program p25.
// p25: the verifier rejected it: diff_20261137.ts:1785:23:  /     v1 %= (u32(0) & (~v1)); /   The verifier rejected program 'p25' at instruction 21: div by zero [EINVAL]
// args p25: 256n, 4294967295n, 35184372088832n, 67n
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

test("p25", (ctx) => {
  let v0: i64 = i64(ctx.arg(0));
  let v1 = u32(ctx.arg(2));
  let v2: u16 = u16(ctx.arg(3));
  if ((v2 << v2) < (v2 * u16(v0))) {
    const v3: i64 = (-v0);
    v0 *= (~(v3 - v0));
  } else {
    v1 %= (u32(0) & (~v1));
  }
  if (i64(i32(v0)) < 32767n) {
    const v4: i8 = (i32(-725347467) === 0 ? (i8(u16(v1)) - i8(v1)) : i8(96));
  } else {
    v2 ^= v2;
    let v5: u16 = v2;
  }
  v2 *= (~(v2 - v2));
  if ((i32(0x7) >> i32(-296)) !== -606017800) {
    for (let k6: u32 = 0; k6 < 3; k6++) {
      if ((v1 > k6 && v2 > v2)) continue;
      let v7: u32 = (u32(4294967089) % (v1 << 6));
    }
    switch ((i8(38) < 74 ? i16(v1) : i16(0x0))) {
      case 4: {
        v1++;
        break;
      }
      case 0x2: {
        const s8: S = { a: u8(v0), b: (~i16(333)), c: (v1 + v1), d: (i64(v2) + 1n), e: u64(288230376151711744n) };
        s8.b *= (i16(v2) - i16(-36));
        structs.set(400, s8);
        const p9 = structs.get(400);
        if (p9 !== undefined) {
          p9.a = p9.a - (u8(255) & 7);
          out.set(400, u64(p9.b));
        }
        break;
      }
      case 7: {
        const s10: S = { a: (u8(v0) % u8(160)), b: (i16(0x80) & i16(0x6a74)), c: v1, d: (i64(-249n) & i64(v2)), e: (u64(127n) - u64(65536n)) };
        s10.b = (-i16(0));
        structs.set(400, s10);
        const p11 = structs.get(400);
        if (p11 !== undefined) {
          p11.b = p11.b + (i16(v1) % i16(v1));
          out.set(401, u64(p11.a));
        }
        break;
      }
      default: {
        v0 <<= i64(i64(i8(-1)));
      }
    }
  } else {
    vals.set(401, u64(15485214939410312253n));
    const q12 = vals.get(401);
    if (q12 !== undefined) {
      sums.add(u64(((q12 + 65535n) >> 6n)), 401);
      out.set(402, q12);
    }
    v0 >>= (-(v0 + 0n));
  }
  if ((u8(255) - u8(166)) !== 255) {
    let v13: i64 = ((v1 << v1) >= (~v1) ? (i64(32767n) - (i64(v1) % i64(-1100615240031877182n))) : ((~v0) * (i64(4294967295n) + v0)));
  } else {
    v0 <<= v0;
    sums.add(u64((i8(v0) % (-i8(v2)))), 401);
  }
  let v14: u32 = (((v1 | v1) << u32(3)) + (v1 / u32(v1)));
  const v15: u8 = u8(0xff);
  v1 <<= v14;
  vals.delete(401);
  out.set(403, u64((-i8(-1))));
  out.set(404, u64(v0));
  out.set(405, u64(v1));
  out.set(406, u64(v2));
  out.set(407, u64(v14));
  out.set(408, u64(v15));
  return u64(v1);
});
