// Found by the differential test: seed 20261136, program p6.
// p6: the verifier rejected it: diff_20261136.ts:493:18:  /     const s10: S = { a: (u8(v0) % v3), b: (i16(v2) + 32), c: (v1 + v1), d: (i64(v3) - i64(v3)), e: (v0 !== v0 ? u64(2048n) : u64(v3)) }; /   The verifier rejected program 'p6' at instruction 10: div by zero [EINVAL]
// args p6: 63n, 268435456n, 32768n, 733n
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

test("p6", (ctx) => {
  let v0 = i32(ctx.arg(1));
  const v1: u32 = u32(ctx.arg(2));
  let v2: u16 = u16(ctx.arg(3));
  let v3: u8 = u8(0);
  switch (u8(i16(-29979))) {
    case 3: {
      if ((v3 | v3) <= (~v3)) {
        out.set(96, u64((i64(i64(137438953472n)) / (i64(4294967295n) + i64(v2)))));
        let v4: u32 = (v1 ^ ((v1 ^ v1) - v1));
        const s5: S = { a: v3, b: i16(i32(0)), c: u32(v0), d: i64(63n), e: (i64(971n) < i64(32768n) ? u64(1023672118181899732n) : u64(63n)) };
        s5.e ^= (u64(v4) >> u64(v4));
        structs.set(97, s5);
        const p6 = structs.get(97);
        if (p6 !== undefined) {
          p6.c = p6.c + v1;
          out.set(97, u64(p6.b));
        }
      } else {
        v0 ^= ((v0 >> v0) + i32(802));
      }
      break;
    }
    case 7: {
      let v7: i64 = (((i64(7243503958802916526n) - i64(0x10000n)) | (i64(v3) >> i64(0x10000000000000n))) << i64(-4969283776403630007n));
      break;
    }
    case 0: {
      highs.record(u64((u16(v2) - (v2 + 3))), 96);
      break;
    }
    default: {
      const v8: u16 = ((~(~v2)) << v2);
    }
  }
  if (i8(8) > (i8(0x8) ^ i8(0))) {
    if ((~i16(v2)) <= 64) {
      let v9: u8 = ((v1 << v1) >= 0x5faad4c7 ? (~v3) : u8((i32(1073741824) + v0)));
      sums.add(u64(i8(v1)), 97);
    }
  }
  const s10: S = { a: (u8(v0) % v3), b: (i16(v2) + 32), c: (v1 + v1), d: (i64(v3) - i64(v3)), e: (v0 !== v0 ? u64(2048n) : u64(v3)) };
  s10.c += (~v1);
  structs.set(96, s10);
  const p11 = structs.get(96);
  if (p11 !== undefined) {
    p11.d = p11.d * (-i64(8930991241476857959n));
    out.set(98, u64(p11.b));
  }
  const v12: i8 = i8(0x8);
  v3 >>= (v3 + 255);
  v2--;
  for (let k13: u32 = 0; k13 < 2; k13++) {
    if (v12 !== 3) break;
    let v14: u32 = (((~k13) << (~v1)) - (~(v1 | k13)));
    v2 += v2;
    let v15: u64 = (~u64(v0));
  }
  vals.set(98, ((u64(v2) + 13655516124046977285n) / u64(0x162n)));
  const q16 = vals.get(98 + 1);
  if (q16 !== undefined) {
    sums.add(u64(q16), 96);
    out.set(99, q16);
  }
  for (let k17: u32 = 0; k17 < 5; k17 += 1) {
    vals.delete(98);
    v3--;
    vals.set(98, (u64(0x10n) > u64(v12) ? (v1 <= 0 ? u64(64n) : u64(8796093022208n)) : u64(7n)));
    const q18 = vals.get(98);
    if (q18 !== undefined) {
      switch ((i32(640) - v0)) {
        case 3: {
          out.set(100, u64((v0 >> (v0 & v0))));
          break;
        }
        case 7: {
          out.set(101, u64(v12));
          // falls through
        }
        default: {
          out.set(102, u64(i8(63)));
        }
      }
      out.set(103, (v1 === 0x1f ? u64(0x800000000000n) : q18));
    }
  }
  out.set(104, u64(v0));
  out.set(105, u64(v1));
  out.set(106, u64(v2));
  out.set(107, u64(v3));
  out.set(108, u64(v12));
  return u64(v2);
});
