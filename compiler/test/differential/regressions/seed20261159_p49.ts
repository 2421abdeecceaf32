// Found by the differential test: seed 20261159, program p49.
// p49: the verifier rejected it: diff_20261159.ts:2995:35:  /     v0 %= ((u16(65454) ^ u16(v1)) & 0); /   The verifier rejected program 'p49' at instruction 26: div by zero [EINVAL]
// args p49: 2251799813685248n, 239062721921432563n, 969n, 2147483648n
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
  let v0 = u16(ctx.arg(1));
  const v1 = u64(ctx.arg(2));
  out.set(784, u64((u8(0x86) << u8(v1))));
  for (let k2: u32 = 0; k2 < 4; k2++) {
    if (v1 < u64(v0)) break;
    const v3: i8 = i8(-25);
  }
  v0 %= v0;
  v0 %= ((u16(65454) ^ u16(v1)) & 0);
  vals.set(784, (v1 + u64(i64(-210n))));
  const q4 = vals.get(784);
  if (q4 !== undefined) {
    v0 <<= v0;
    out.set(785, v1);
  }
  let v5: u64 = ((i32(65535) > i32(719) || (i8(-61) >= i8(122) || i8(-1) === i8(0x0))) ? (v1 + 65535n) : v1);
  out.set(786, u64(v0));
  out.set(787, u64(v1));
  out.set(788, u64(v5));
  return u64(v5);
});
