// Found by the differential test: seed 20261139, program p38.
// map out[609]: kernel "6235322603773920255n", simulator "6235322603773953166n"
// args p38: 974n, 18446744073709551461n, 32768n, 67108864n
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

test("p38", (ctx) => {
  let v0 = i32(ctx.arg(0));
  let v1 = i64(ctx.arg(1));
  let v2: u64 = u64(ctx.arg(2));
  const s3: S = { a: (v0 !== 3 ? u8(v1) : u8(v2)), b: i16(0x0), c: (u32(32768) % 582), d: (v1 % v1), e: u64(i32(v1)) };
  s3.c = u32(v2);
  structs.set(609, s3);
  const p4 = structs.get(609);
  if (p4 !== undefined) {
    p4.a = p4.a | (~u8(128));
    v2 += p4.e;
  }
  const s5: S = { a: (v2 <= v2 ? u8(v2) : u8(170)), b: i16(v2), c: (u32(v0) % u32(255)), d: (~v1), e: v2 };
  s5.a += u8(v0);
  structs.set(608, s5);
  const p6 = structs.get(608);
  if (p6 !== undefined) {
    p6.e = p6.e | (v2 * 0x8000000000000000n);
    v1 += p6.d;
  }
  let v7: u8 = u8(v1);
  let v8: i8 = (((i8(100) | i8(0x4)) + -43) + ((i8(0x0) + i8(v7)) % 41));
  if ((u64(v1) + 0x279n) >= (u64(v8) % 2701979625041569752n)) {
    vals.set(610, (!(v8 > 87) ? (u64(6235322603773920073n) | u64(v7)) : (v2 - v2)));
    const q9 = vals.get(610);
    if (q9 !== undefined) {
      if ((~i16(147)) <= -8431) {
        v0 <<= v0;
      } else {
        vals.set(610, ((v2 + q9) - 0xfffffffffffffed6n));
        const q10 = vals.get(610 + 1);
        if (q10 !== undefined) {
          sums.add(u64(((q10 / q10) + 4n)), 609);
          out.set(608, (~q9));
        }
      }
      out.set(609, q9);
    }
    let v11: u64 = ((~(v2 | 18446744073709551532n)) % 4611686018427387904n);
  } else {
    if (!((v1 <= 345n || v2 === v2))) {
      let v12: u16 = ((u16(u16(461)) ^ 0x1f) + u16(49074));
      vals.delete(609);
      v7 &= ((u8(143) + 0x7e) & (u8(156) - 0));
    }
    switch ((u32(4294967111) << u32(v1))) {
      case 0: {
        v8 += (u64(64n) > v2 ? (v8 << v8) : v8);
        // falls through
      }
      case 6: {
        lows.record(u64(v7), 608);
        break;
      }
      default: {
        v1 %= (i64(63n) * 0x331n);
      }
    }
    if ((v8 << i8(-91)) <= (v7 < v7 ? v8 : v8)) {
      if ((~v2) < (~v2)) {
        v0++;
        sums.add(u64((v0 !== v0 ? i32(v1) : (~v0))), 609);
        v1 *= v1;
      } else {
        out.set(610, u64(v8));
      }
      if (((u16(0xffff) < 65449 || v2 > 64n) && v7 <= v7)) {
        out.set(611, u64((i8(v7) - v8)));
      }
    }
  }
  out.set(612, u64(v0));
  out.set(613, u64(v1));
  out.set(614, u64(v2));
  out.set(615, u64(v7));
  out.set(616, u64(v8));
  return u64(v7);
});
