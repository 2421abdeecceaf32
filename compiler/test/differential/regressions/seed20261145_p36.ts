// Found by the differential test: seed 20261145, program p36.
// p36: the verifier rejected it: diff_20261145.ts:2536:19:  /     const s9: S = { a: (~v3), b: i16(v4), c: (u32(3598602826) ^ u32(v2)), d: (i64(777n) << i64(v3)), e: (q8 % u64(v4)) }; /   The verifier rejected program 'p36' at instruction 109: div by zero [EINVAL]
// args p36: 255n, 2147483648n, 28n, 2n
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

test("p36", (ctx) => {
  let v0: u64 = u64(ctx.arg(0));
  let v1 = i16(ctx.arg(1));
  let v2: i8 = i8(ctx.arg(2));
  let v3: u8 = u8(ctx.arg(3));
  out.set(576, u64((u32(v0) === u32(32768) ? i32(566) : (u8(63) >= v3 ? i32(0x3f) : i32(-1007969325)))));
  const v4: u16 = u16(0x0);
  let v5: i16 = v1;
  const s6: S = { a: (v3 ^ u8(v0)), b: v1, c: (u32(0) - u32(0xff)), d: (-i64(v0)), e: u64(832n) };
  s6.d ^= (i64(-6059692126830482560n) + i64(v2));
  structs.set(577, s6);
  const p7 = structs.get(577);
  if (p7 !== undefined) {
    p7.e = p7.e - (v0 - 5453705892752529003n);
    v0 += p7.e;
  }
  vals.set(577, ((v0 >> 4n) - (v0 - v0)));
  const q8 = vals.get(577);
  if (q8 !== undefined) {
    const s9: S = { a: (~v3), b: i16(v4), c: (u32(3598602826) ^ u32(v2)), d: (i64(777n) << i64(v3)), e: (q8 % u64(v4)) };
    s9.d ^= (i64(4611686018427387904n) ^ i64(2305843009213693952n));
    structs.set(576, s9);
    const p10 = structs.get(576);
    if (p10 !== undefined) {
      p10.d = p10.d + (i64(256n) % i64(65535n));
      v1 += p10.b;
    }
    out.set(577, (u64(7n) | u64(4398046511104n)));
  }
  switch (u8(v5)) {
    case 0: {
      let v11: u32 = u32(1020218643);
      break;
    }
    case 4: {
      v2 /= ((-v2) >> (v2 << v2));
      break;
    }
    case 0x3: {
      v2 >>= v2;
      // falls through
    }
    default: {
      for (let k12: u32 = 0; k12 <= 4; k12++) {
        let v13: i32 = ((u8(8) - v3) !== (~v3) ? ((~i32(v2)) % 0) : (i32(724266026) - (i32(0) & i32(v5))));
      }
    }
  }
  v5 += v5;
  for (let k14: u32 = 0; k14 < 3; k14++) {
    switch ((u32(0x36) * u32(0x1f))) {
      case 0: {
        highs.record(u64(i8(v4)), 576);
        // falls through
      }
      case 4: {
        const v15: u16 = v4;
        break;
      }
      default: {
        out.set(578, u64(((v3 % 110) - (v3 + 51))));
      }
    }
    vals.set(576, (v1 !== v5 ? (u64(v2) % v0) : (u64(4972398840598696574n) ^ v0)));
    const q16 = vals.get(576);
    if (q16 !== undefined) {
      if ((v3 | u8(0)) !== v3) {
        v1 ^= v5;
      } else {
        out.set(579, u64(((~u32(423)) * k14)));
      }
      out.set(580, (u16(414) === 0 ? v0 : v0));
    }
  }
  vals.delete(577);
  const v17: u8 = u8(v1);
  out.set(581, u64(v0));
  out.set(582, u64(v1));
  out.set(583, u64(v2));
  out.set(584, u64(v3));
  out.set(585, u64(v4));
  out.set(586, u64(v5));
  out.set(587, u64(v17));
  return u64(v1);
});
