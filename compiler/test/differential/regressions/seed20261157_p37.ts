// Found by the differential test: seed 20261157, program p37.
// p37: the verifier rejected it: diff_20261157.ts:3017:19:  /     const s3: S = { a: (v2 >> v2), b: (~i16(0)), c: (~u32(v0)), d: i64(0x3b4n), e: (v1 / u64(v2)) }; /   The verifier rejected program 'p37' at instruction 14: div by zero [EINVAL]
// args p37: 9223372036854775808n, 18446744073709551382n, 10384868205273139147n, 18446744073709551522n
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
  const v0: u16 = u16(ctx.arg(1));
  const v1: u64 = u64(ctx.arg(3));
  let v2: u8 = u8(0);
  if ((i16(v0) ^ i16(-211)) !== 0x0) {
    const s3: S = { a: (v2 >> v2), b: (~i16(0)), c: (~u32(v0)), d: i64(0x3b4n), e: (v1 / u64(v2)) };
    s3.d = (i64(-4776691682553500415n) | 254n);
    structs.set(592, s3);
    const p4 = structs.get(592);
    if (p4 !== undefined) {
      p4.d = p4.d * i64(32767n);
      out.set(592, u64(p4.e));
    }
    if ((v2 / v2) <= (~v2)) {
      hist.record(u64((u8(u32(0xffffff6a)) >> (v0 >= 0 ? v2 : u8(v1)))), 592);
    }
    v2 &= u8(0x57);
  }
  v2 /= ((u8(0) - u8(0xda)) % v2);
  v2 *= u8(v1);
  let v5: i16 = i16(((i8(-121) << i8(-58)) + (-i8(-83))));
  out.set(593, u64(v0));
  out.set(594, u64(v1));
  out.set(595, u64(v2));
  out.set(596, u64(v5));
  return u64(v0);
});
