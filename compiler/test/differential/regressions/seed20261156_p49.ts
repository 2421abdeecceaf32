// Found by the differential test: seed 20261156, program p49.
// p49: the verifier rejected it: diff_20261156.ts:3968:30:  /     v0 /= ((-v0) & (i8(v2) & 0)); /   The verifier rejected program 'p49' at instruction 94: div by zero [EINVAL]
// args p49: 127n, 18446744073709551445n, 17759324795975941465n, 2147483647n
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

test("p49", (ctx) => {
  let v0 = i8(ctx.arg(1));
  const v1: u32 = u32(ctx.arg(2));
  const v2: u16 = u16(ctx.arg(3));
  highs.record(u64((v1 % 32768)), 785);
  const s3: S = { a: (u8(0x8) - u8(v2)), b: i16(i64(3n)), c: u32(32), d: (i64(31n) - i64(v0)), e: (u64(256n) * 18446744073709551334n) };
  s3.a ^= (u8(213) + u8(210));
  structs.set(785, s3);
  const p4 = structs.get(785);
  if (p4 !== undefined) {
    p4.c = p4.c * (u32(573) | 4294967139);
    out.set(784, u64(p4.d));
  }
  v0 &= v0;
  if (i64(-39n) === 32768n) {
    v0 /= (~(-v0));
    v0 >>= ((~v0) / (v0 + i8(112)));
  } else {
    for (let k5: u32 = 0; k5 < 3; k5++) {
      let v6: u16 = u16(294);
    }
  }
  if ((~v2) !== (u16(65326) + 65532)) {
    v0 /= ((-v0) & (i8(v2) & 0));
    vals.set(785, ((u64(18446744073709551320n) | 159n) + (~u64(32768n))));
    const q7 = vals.get(785);
    if (q7 !== undefined) {
      let v8: i8 = ((u64(68719476736n) * 17592186044416n) >= 65535n ? ((i8(-1) % v0) - (v0 < -81 ? i8(1) : v0)) : (u8(1) < 254 ? (v0 % i8(-1)) : v0));
      out.set(785, (q7 << q7));
    }
  }
  out.set(786, u64(v0));
  out.set(787, u64(v1));
  out.set(788, u64(v2));
  return u64(v0);
});
