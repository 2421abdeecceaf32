// Found by the differential test: seed 20261158, program p37.
// p37: the verifier rejected it: diff_20261158.ts:2313:30:  /     v0 %= ((v0 / u8(0)) & u8(v1)); /   The verifier rejected program 'p37' at instruction 204: div by zero [EINVAL]
// args p37: 1n, 919n, 0n, 20702294135189333n
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
  let v0: u8 = u8(ctx.arg(0));
  const v1 = i32(ctx.arg(2));
  const v2: u64 = (u64(8589934592n) - u64(0xffffffffn));
  for (let k3: u32 = 0; k3 < 1; k3++) {
    if (i8(0) >= i8(v1)) continue;
    v0 ^= v0;
  }
  for (let k4: u32 = 0; k4 < 1; k4++) {
    vals.delete(593);
    if ((i8(v2) >= i8(v2) && i8(0x25) > i8(2))) {
      if (i64(615n) > 2n) {
        v0++;
        highs.record(u64(((v2 | v2) % (v2 * v2))), 592);
        out.set(592, u64(((i8(v1) + i8(v1)) / (i8(0) * i8(0)))));
      }
      hist.record(u64((u32(4294967244) + 4294967278)), 593);
    }
  }
  if ((v0 & v0) >= u8(v2)) {
    v0 &= v0;
    v0 <<= v0;
  } else {
    for (let k5: u32 = 0; k5 < 5; k5 += 1) {
      sums.add(u64(i64(255n)), 593);
      switch (i16(v2)) {
        case 2: {
          const s6: S = { a: (v0 - u8(7)), b: (i16(v1) + i16(-100)), c: u32(65535), d: i64(v0), e: (u64(v1) / v2) };
          s6.b *= (i16(63) & i16(-4999));
          structs.set(592, s6);
          const p7 = structs.get(592);
          if (p7 !== undefined) {
            p7.d = p7.d * i64(65535n);
            out.set(593, u64(p7.c));
          }
          break;
        }
        case 4: {
          out.set(594, u64(i8(-1)));
          break;
        }
        case 0x7: {
          v0 -= (~u8(255));
          break;
        }
        default: {
          const s8: S = { a: (u8(97) % v0), b: (i16(7) << i16(v2)), c: (u32(4294967293) % 631), d: (i64(68719476736n) - i64(v2)), e: v2 };
          s8.a += (v0 | v0);
          structs.set(592, s8);
          const p9 = structs.get(592);
          if (p9 !== undefined) {
            p9.c = p9.c - (~k5);
            out.set(595, u64(p9.c));
          }
        }
      }
    }
    v0 %= ((v0 / u8(0)) & u8(v1));
    let v10: i64 = (((i64(64n) + i64(255n)) % 0x7fffn) + 2147483647n);
  }
  const v11: u16 = u16((-(i8(-86) % -93)));
  out.set(596, u64(v0));
  out.set(597, u64(v1));
  out.set(598, u64(v2));
  out.set(599, u64(v11));
  return u64(v1);
});
