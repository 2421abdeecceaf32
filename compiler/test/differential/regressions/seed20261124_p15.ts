// Found by the differential test: seed 20261124, program p15.
// p15: the verifier rejected it: diff_20261124.ts:1010:22:  /     v2 /= ((v2 - v2) * 0); /   The verifier rejected program 'p15' at instruction 8: div by zero [EINVAL]
// args p15: 33554432n, 11490097067906704188n, 18446744073709551579n, 255n
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

test("p15", (ctx) => {
  let v0 = u32(ctx.arg(0));
  const v1: u32 = u32(ctx.arg(1));
  let v2 = u8(ctx.arg(3));
  v2 /= ((v2 - v2) * 0);
  lows.record(u64((~u64(127n))), 240);
  const s3: S = { a: (~u8(v0)), b: (i16(v1) !== i16(-27342) ? i16(8) : i16(v1)), c: u32(u16(65324)), d: (i64(32768n) / i64(v0)), e: (u64(588n) - u64(v1)) };
  s3.b ^= (i16(v2) - 5336);
  structs.set(241, s3);
  const p4 = structs.get(241);
  if (p4 !== undefined) {
    p4.c = p4.c | v1;
    out.set(240, u64(p4.d));
  }
  v0 += u32(4294967171);
  sums.add(u64(((v1 * v0) | u32(i64(v1)))), 240);
  for (let k5: u32 = 0; k5 < 3; k5 += 1) {
    vals.set(241, ((u64(v1) + 18446744073709551426n) << (u64(9184193882983497285n) & u64(0x3fn))));
    const q6 = vals.get(241);
    if (q6 !== undefined) {
      if ((i8(8) & i8(-57)) === (i8(-51) - i8(q6))) {
        const v7: u16 = u16(32767);
      } else {
        lows.record(u64(((i8(v1) > 30 ? i64(-483018795809630903n) : i64(v1)) + i64(-261n))), 241);
        const s8: S = { a: (u8(0x0) + 0), b: i16(-62), c: (k5 - v0), d: (i64(2147483648n) - i64(v2)), e: u64(0xcf7c5640998e9d2cn) };
        s8.b ^= i16(v0);
        structs.set(240, s8);
        const p9 = structs.get(240);
        if (p9 !== undefined) {
          p9.a = p9.a - (v2 >> v2);
          v2 += p9.a;
        }
      }
      out.set(241, u64(v2));
    }
    vals.set(240, ((u64(975n) & u64(737n)) - 0xfffffffffffffef7n));
    const q10 = vals.get(240);
    if (q10 !== undefined) {
      let v11: i8 = (((i8(-15) | -1) + 63) - (i8(125) / i8(k5)));
      out.set(242, (q10 + q10));
    }
  }
  v0 ^= u32(432);
  out.set(243, u64(v0));
  out.set(244, u64(v1));
  out.set(245, u64(v2));
  return u64(v1);
});
