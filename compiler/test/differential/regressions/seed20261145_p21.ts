// Found by the differential test: seed 20261145, program p21.
// p21: the verifier rejected it: diff_20261145.ts:1735:23:  /     const v14: i8 = (i8(v1) % ((~i8(-1)) / (u8(0) > u8(0x28) ? i8(v0) : i8(0x0)))); /   The verifier rejected program 'p21' at instruction 138: div by zero [EINVAL]
// args p21: 367n, 7n, 2048n, 730n
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

test("p21", (ctx) => {
  let v0 = u64(ctx.arg(0));
  let v1 = u8(ctx.arg(1));
  let v2 = i64(ctx.arg(3));
  const s3: S = { a: (i8(-113) >= i8(127) ? v1 : u8(255)), b: i16(7), c: (u32(0xffffff28) | u32(v2)), d: (v2 & v2), e: (v0 & v0) };
  s3.d = v2;
  structs.set(336, s3);
  const p4 = structs.get(336);
  if (p4 !== undefined) {
    p4.b = p4.b - i16(v2);
    out.set(336, u64(p4.c));
  }
  const s5: S = { a: (v1 / 238), b: (i16(0) - i16(0)), c: (u32(4294967229) + u32(v2)), d: (i64(32767n) - 1073741824n), e: v0 };
  s5.a = v1;
  structs.set(336, s5);
  const p6 = structs.get(336);
  if (p6 !== undefined) {
    p6.e = p6.e * (v1 === v1 ? v0 : v0);
    v2 += p6.d;
  }
  for (let k7: u32 = 0; k7 <= 2; k7++) {
    if ((v2 > 0x20n || i8(120) === i8(2))) continue;
    v0--;
  }
  v2++;
  vals.set(336, v0);
  const q8 = vals.get(336);
  if (q8 !== undefined) {
    for (let k9: u32 = 0; k9 <= 4; k9 += 2) {
      let v10: u64 = u64(v1);
      switch (k9) {
        case 0: {
          out.set(337, u64((~i32(q8))));
          // falls through
        }
        case 0x6: {
          const v11: u32 = u32((u32(0x7f) * (k9 - 0x16e0eb54)));
          break;
        }
        default: {
          const v12: u32 = (~((k9 ^ k9) / (k9 - k9)));
        }
      }
      let v13: i8 = i8(-128);
    }
    out.set(338, u64(i32(3)));
  }
  const v14: i8 = (i8(v1) % ((~i8(-1)) / (u8(0) > u8(0x28) ? i8(v0) : i8(0x0))));
  const v15: u16 = u16(0x0);
  out.set(339, u64(v0));
  out.set(340, u64(v1));
  out.set(341, u64(v2));
  out.set(342, u64(v14));
  out.set(343, u64(v15));
  return u64(v15);
});
