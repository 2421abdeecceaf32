// Found by the differential test: seed 20261147, program p40.
// p40: the verifier rejected it: diff_20261147.ts:3231:27:  /     v0 %= ((v1 * u8(0)) % 0); /   The verifier rejected program 'p40' at instruction 367: div by zero [EINVAL]
// args p40: 12457238851615026665n, 128n, 18446744073709551406n, 630n
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

test("p40", (ctx) => {
  let v0: u8 = u8(ctx.arg(1));
  let v1 = u8(ctx.arg(2));
  const v2: i8 = i8(ctx.arg(3));
  const s3: S = { a: (u8(v2) % v1), b: (i16(24679) + i16(v1)), c: (u32(255) + 836093368), d: (i64(4294967295n) % i64(v0)), e: (u64(256n) | u64(0x4fae322b1070da0dn)) };
  s3.d += (i8(v1) >= v2 ? i64(127n) : i64(v1));
  structs.set(641, s3);
  const p4 = structs.get(641);
  if (p4 !== undefined) {
    p4.a = p4.a - v0;
    out.set(640, u64(p4.e));
  }
  v1--;
  v0--;
  const s5: S = { a: u8(228), b: (~i16(7)), c: u32(v2), d: i64(140737488355328n), e: u64(u32(v0)) };
  s5.c = (u32(2147483648) + 0x28);
  structs.set(641, s5);
  const p6 = structs.get(641);
  if (p6 !== undefined) {
    p6.c = p6.c | u32(3149987376);
    out.set(641, u64(p6.c));
  }
  vals.set(641, u64(v2));
  const q7 = vals.get(641);
  if (q7 !== undefined) {
    switch (v0) {
      case 0x0: {
        vals.set(641, (u64(i32(0)) & u64(i64(v2))));
        const q8 = vals.get(641);
        if (q8 !== undefined) {
          vals.set(640, ((u32(v0) < u32(v1) ? q7 : u64(v2)) * (q7 % 8n)));
          const q9 = vals.get(640 + 1);
          if (q9 !== undefined) {
            let v10: i16 = i16(128);
            out.set(642, q9);
          }
          out.set(643, (q7 ^ q8));
        }
        // falls through
      }
      case 0x7: {
        hist.record(u64((v0 >> v1)), 640);
        // falls through
      }
      default: {
        v1 &= ((i32(633) <= i32(q7) ? v1 : v0) << (v1 * v0));
      }
    }
    out.set(644, u64(v1));
  }
  sums.add(u64(i64(0x141n)), 641);
  for (let k11: u32 = 0; k11 <= 1; k11++) {
    let v12: i8 = (i8(v0) & (v0 === v1 ? (v2 << v2) : v2));
    v1 <<= v0;
  }
  let v13: u8 = v0;
  sums.add(u64(i16(17819)), 641);
  for (let k14: u32 = 0; k14 < 5; k14++) {
    switch ((u32(64) + k14)) {
      case 7: {
        let v15: u32 = (((u32(v1) + k14) + (~k14)) ^ u32(v13));
        break;
      }
      case 5: {
        let v16: u64 = u64(0x16en);
        // falls through
      }
      default: {
        out.set(645, u64(((v1 ^ v1) | (u8(v2) >> 1))));
      }
    }
    v0 %= ((v1 * u8(0)) % 0);
  }
  let v17: u16 = u16(v2);
  out.set(646, u64(v0));
  out.set(647, u64(v1));
  out.set(648, u64(v2));
  out.set(649, u64(v13));
  out.set(650, u64(v17));
  return u64(v1);
});
