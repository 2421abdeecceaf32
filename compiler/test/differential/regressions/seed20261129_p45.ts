// Found by the differential test: seed 20261129, program p45.
// p45: the verifier rejected it: diff_20261129.ts:2729:15:  /     v1 /= (v1 / 0); /   The verifier rejected program 'p45' at instruction 293: div by zero [EINVAL]
// args p45: 1073741824n, 0n, 1n, 16777216n
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

test("p45", (ctx) => {
  let v0: u32 = u32(ctx.arg(0));
  let v1: u8 = u8(ctx.arg(1));
  let v2 = u64(ctx.arg(3));
  for (let k3: u32 = 0; k3 <= 3; k3++) {
    let v4: u16 = (~((u16(v1) << u16(0)) >> (~u16(v0))));
    vals.set(721, (~(~v2)));
    const q5 = vals.get(721);
    if (q5 !== undefined) {
      let v6: i8 = (~i8(0));
      out.set(720, (u64(v6) - u64(0x7fffn)));
    }
  }
  switch (u32(845)) {
    case 4: {
      const s7: S = { a: (v1 % 32), b: (i16(-257) | i16(256)), c: v0, d: i64(v1), e: (u64(1024n) - v2) };
      s7.b *= (i16(v0) | i16(128));
      structs.set(721, s7);
      const p8 = structs.get(721);
      if (p8 !== undefined) {
        p8.e = p8.e * (v2 + u64(0x365bb7552e96c5abn));
        v1 += p8.a;
      }
      break;
    }
    default: {
      const s9: S = { a: (v1 % v1), b: (i16(32) >> i16(v0)), c: u32(i32(-242)), d: (i64(-1999126418822671938n) + i64(396n)), e: (u64(634n) - u64(4654196993809969182n)) };
      s9.a += v1;
      structs.set(720, s9);
      const p10 = structs.get(720);
      if (p10 !== undefined) {
        p10.a = p10.a * (~u8(255));
        out.set(721, u64(p10.d));
      }
    }
  }
  v1 ^= (~(u64(v1) > v2 ? v1 : u8(0)));
  hist.record(u64((v1 - v1)), 720);
  for (let k11: u32 = 0; k11 <= 3; k11++) {
    v0 += (~v0);
  }
  if ((i8(v1) >= -128 || i64(2147483648n) <= i64(32n))) {
    let v12: u16 = u16(65535);
  } else {
    out.set(722, u64(i64((v0 >= 256 ? i64(0x25n) : i64(64n)))));
    switch ((v0 >> v0)) {
      case 0x6: {
        v1 -= ((v1 + 235) % (v1 & 0));
        // falls through
      }
      case 7: {
        const v13: i32 = (-(-i32(183592495)));
        // falls through
      }
      default: {
        out.set(723, u64(((i32(-99) === i32(32767) ? i32(v0) : i32(-64)) | i32(v2))));
      }
    }
    v1 *= ((v1 > v1 ? v1 : v1) + (v1 * v1));
  }
  switch (i16(v2)) {
    case 1: {
      for (let k14: u32 = 0; k14 <= 1; k14++) {
        vals.set(720, ((u64(18446744073709551375n) - v2) + (v2 - 4294967295n)));
        const q15 = vals.get(720 + 1);
        if (q15 !== undefined) {
          v0 &= (~(v0 % k14));
          out.set(724, (v2 + 1n));
        }
        v1 &= ((~v1) % (~v1));
        v2 |= v2;
      }
      break;
    }
    case 5: {
      v2 = u64(i64(v1));
      break;
    }
    default: {
      vals.delete(721);
    }
  }
  for (let k16: u32 = 0; k16 <= 5; k16++) {
    sums.add(u64(i64(1073741824n)), 721);
  }
  v1 /= (v1 / 0);
  out.set(725, u64(v0));
  out.set(726, u64(v1));
  out.set(727, u64(v2));
  return u64(v1);
});
