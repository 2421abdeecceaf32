// Found by the differential test: seed 20261138, program p21.
// p21: the verifier rejected it: diff_20261138.ts:1189:9:  /     v0 /= v6; /   The verifier rejected program 'p21' at instruction 93: div by zero [EINVAL]
// args p21: 32n, 18446744073709551482n, 1073741824n, 255n
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
  let v0: u32 = u32(ctx.arg(0));
  const v1: u32 = u32(ctx.arg(1));
  const v2 = i64(ctx.arg(2));
  let v3 = i64(ctx.arg(3));
  v0 |= v1;
  v3 >>= v3;
  lows.record(u64((i16(v0) !== i16(127) ? (-i8(1)) : (i8(63) + i8(63)))), 337);
  const s4: S = { a: u8(196), b: i16(-297), c: v1, d: (v2 + i64(43n)), e: u64(v2) };
  s4.c = (v0 / u32(0x80));
  structs.set(337, s4);
  const p5 = structs.get(337);
  if (p5 !== undefined) {
    p5.a = p5.a - (u8(v2) << 5);
    out.set(336, u64(p5.b));
  }
  let v6: u32 = u32(u8(59));
  v6 &= u32((u16(128) % 868));
  v0 /= v6;
  switch (i16(v2)) {
    case 6: {
      let v7: i64 = v3;
      // falls through
    }
    case 0x7: {
      for (let k8: u32 = 0; k8 <= 2; k8++) {
        let v9: i16 = (~i16((i16(0) - -17085)));
        v0++;
      }
      break;
    }
    default: {
      vals.set(336, (u64(u8(0)) * u64(v3)));
      const q10 = vals.get(336);
      if (q10 !== undefined) {
        const s11: S = { a: (u8(18) * u8(31)), b: i16(-153), c: u32(0x8000), d: (v3 * v3), e: (u8(0) >= u8(1) ? q10 : q10) };
        s11.d += (~v2);
        structs.set(337, s11);
        const p12 = structs.get(337);
        if (p12 !== undefined) {
          p12.a = p12.a - (~u8(v6));
          v6 += p12.c;
        }
        out.set(337, (u64(0n) & u64(3712938103867686547n)));
      }
    }
  }
  const v13: i8 = ((i8(0) * (i8(0x0) - i8(0))) & i8(32));
  sums.add(u64((u64(255n) <= u64(4294967295n) ? (-v13) : (v13 & 12))), 336);
  out.set(338, u64(v0));
  out.set(339, u64(v1));
  out.set(340, u64(v2));
  out.set(341, u64(v3));
  out.set(342, u64(v6));
  out.set(343, u64(v13));
  return u64(v0);
});
