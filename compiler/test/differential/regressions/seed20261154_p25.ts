// Found by the differential test: seed 20261154, program p25.
// p25: the verifier rejected it: diff_20261154.ts:1595:16:  /     switch ((i16(v2) % i16(v6))) { /   The verifier rejected program 'p25' at instruction 89: div by zero [EINVAL]
// args p25: 4503599627370496n, 791n, 18446744073709551427n, 7n
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

test("p25", (ctx) => {
  let v0: u16 = u16(ctx.arg(0));
  let v1 = u64(ctx.arg(1));
  let v2 = i32(ctx.arg(2));
  const v3: u32 = u32(ctx.arg(3));
  hist.record(u64(((i8(v2) - i8(v3)) - (i8(127) + i8(v2)))), 400);
  v2--;
  for (let k4: u32 = 0; k4 < 5; k4++) {
    out.set(400, u64(i64(4718651895640744480n)));
    let v5: u8 = u8(i16(99));
  }
  let v6: i8 = (i8(v2) / i8(0x0));
  switch ((i16(v2) % i16(v6))) {
    case 4: {
      if ((i16(v2) * i16(v6)) <= i16(-32768)) {
        out.set(401, u64(((u8(255) | u8(255)) >> (u8(v2) >> u8(v3)))));
        const s7: S = { a: u8(v0), b: (i16(v2) << i16(v6)), c: u32(v3), d: i64(2147483648n), e: v1 };
        s7.a ^= (~u8(255));
        structs.set(401, s7);
        const p8 = structs.get(401);
        if (p8 !== undefined) {
          p8.c = p8.c + v3;
          out.set(402, u64(p8.c));
        }
      }
      break;
    }
    case 2: {
      v0++;
      // falls through
    }
    default: {
      for (let k9: u32 = 0; k9 < 5; k9++) {
        vals.set(400, v1);
        const q10 = vals.get(400 + 1);
        if (q10 !== undefined) {
          let v11: i32 = i32(v0);
          out.set(403, (~q10));
        }
        v0 ^= v0;
      }
    }
  }
  const s12: S = { a: (~u8(0)), b: (i16(v0) & -3), c: (v3 | 0x8), d: i64(-94n), e: (~v1) };
  s12.c *= u32(i8(78));
  structs.set(401, s12);
  const p13 = structs.get(401);
  if (p13 !== undefined) {
    p13.c = p13.c | (v3 + u32(458));
    v1 += p13.e;
  }
  for (let k14: u32 = 0; k14 <= 4; k14 += 2) {
    if (!(v6 !== v6)) break;
    const v15: u8 = (u8(255) % 161);
    vals.set(401, v1);
    const q16 = vals.get(401 + 1);
    if (q16 !== undefined) {
      let v17: i64 = (~((i64(v6) << 1n) - -173n));
      out.set(404, q16);
    }
    if ((~i32(1576302895)) === (v2 / i32(255))) {
      let v18: u64 = (v1 + 35184372088832n);
    } else {
      vals.set(402, (u64(0x1n) - 127n));
      const q19 = vals.get(402);
      if (q19 !== undefined) {
        hist.record(u64((-(v6 % v6))), 400);
        out.set(405, (v1 << 1n));
      }
      hist.record(u64((~u16(v2))), 400);
      switch ((~u8(0))) {
        case 0x6: {
          out.set(406, u64((-(i64(2147483647n) + 4096n))));
          break;
        }
        default: {
          let v20: u64 = v1;
        }
      }
    }
  }
  out.set(407, u64(v0));
  out.set(408, u64(v1));
  out.set(409, u64(v2));
  out.set(410, u64(v3));
  out.set(411, u64(v6));
  return u64(v1);
});
