// Found by the differential test: seed 20261127, program p11.
// p11: the verifier rejected it: diff_20261127.ts:892:20:  /     v1 = ((v1 << u32(v0)) / v1); /   The verifier rejected program 'p11' at instruction 180: div by zero [EINVAL]
// args p11: 1503312629933117094n, 1n, 991n, 274877906944n
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

test("p11", (ctx) => {
  let v0 = u8(ctx.arg(3));
  let v1: u32 = (u32(1739695279) * u32((u32(v0) >= u32(v0) ? u16(0) : u16(0))));
  let v2: i16 = (i16(0) * 0x69c4);
  highs.record(u64(((v2 ^ 8) + 867)), 177);
  for (let k3: u32 = 0; k3 < 2; k3++) {
    if (u8(25) <= (~v0)) {
      let v4: i64 = i64((~(i8(v1) >> 1)));
      if ((i16(k3) - -22828) > -18880) {
        const s5: S = { a: (~v0), b: v2, c: (k3 << 4), d: i64(255n), e: (u64(v0) >> u64(0xa6417f3e5327ed99n)) };
        s5.c ^= (v4 <= 1n ? k3 : k3);
        structs.set(177, s5);
        const p6 = structs.get(177);
        if (p6 !== undefined) {
          p6.e = p6.e + (u64(2147483647n) + u64(v0));
          out.set(176, u64(p6.e));
        }
        const s7: S = { a: v0, b: (~v2), c: (u32(v4) - 50), d: (v4 * i64(v2)), e: (u64(1n) % 12628882635477756654n) };
        s7.a *= (u8(0) | u8(82));
        structs.set(176, s7);
        const p8 = structs.get(176);
        if (p8 !== undefined) {
          p8.c = p8.c + (~k3);
          out.set(177, u64(p8.e));
        }
      }
      v4 ^= v4;
    }
    vals.delete(177);
  }
  vals.set(178, u64((~v2)));
  const q9 = vals.get(178);
  if (q9 !== undefined) {
    v1 ^= ((u32(v2) - v1) + 0);
    out.set(178, u64(v0));
  }
  if ((i8(v0) ^ i8(v1)) === i8(-128)) {
    let v10: u32 = ((i64(255n) & i64(-142n)) >= 31n ? u32(v0) : (v1 + v1));
    v2 &= ((v10 === v10 ? v2 : i16(5955)) - 1);
  } else {
    let v11: u8 = v0;
  }
  v1 = ((v1 << u32(v0)) / v1);
  vals.delete(177);
  v0 = (u8(i32(1)) & v0);
  sums.add(u64((~(u16(v1) / u16(v0)))), 176);
  out.set(179, u64(v0));
  out.set(180, u64(v1));
  out.set(181, u64(v2));
  return u64(v1);
});
