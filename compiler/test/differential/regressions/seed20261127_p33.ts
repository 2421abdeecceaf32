// Found by the differential test: seed 20261127, program p33.
// p33: the verifier rejected it: diff_20261127.ts:2713:32:  /     lows.record(u64(((u8(1) + u8(v3)) / (u8(0) % u8(v11)))), 529); /   The verifier rejected program 'p33' at instruction 184: div by zero [EINVAL]
// args p33: 255n, 1n, 2305843009213693952n, 1n
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

test("p33", (ctx) => {
  const v0 = u16(ctx.arg(0));
  let v1: i8 = i8(ctx.arg(1));
  let v2: u64 = u64(ctx.arg(2));
  let v3: u32 = u32(ctx.arg(3));
  v3 &= (~(u32(0x1) | 4294967168));
  const s4: S = { a: (i32(65535) < 256 ? u8(2) : u8(45)), b: (i16(v0) - i16(698)), c: (v3 - v3), d: i64(-370314384432695687n), e: (v2 + u64(0x30bbfbd6762d54c6n)) };
  s4.d = (-i64(-237n));
  structs.set(528, s4);
  const p5 = structs.get(528);
  if (p5 !== undefined) {
    p5.d = p5.d * (i64(476n) | 832n);
    v2 += p5.e;
  }
  v3 = ((v2 > u64(0xc711bec765bcb31dn) && v3 !== v3) ? u32(v1) : u32(i64(0xd4n)));
  switch ((i32(2147483647) + 297)) {
    case 7: {
      if (((i32(v1) < i32(65535) || i32(634) === i32(v2)) || v3 !== v3)) {
        const s6: S = { a: (u8(228) | 0), b: (i16(783) + i16(v3)), c: (v3 + u32(v0)), d: (i64(v0) - i64(-254n)), e: (u64(127n) / u64(v3)) };
        s6.e ^= (v2 / v2);
        structs.set(529, s6);
        const p7 = structs.get(529);
        if (p7 !== undefined) {
          p7.c = p7.c - (v3 | v3);
          out.set(528, u64(p7.b));
        }
      }
      // falls through
    }
    case 4: {
      switch (v3) {
        case 2: {
          const v8: u64 = v2;
          break;
        }
        default: {
          v3 += u32(v2);
        }
      }
      break;
    }
    case 1: {
      sums.add(u64(((i64(v0) << i64(-254n)) / i64(4611686018427387904n))), 528);
      break;
    }
    default: {
      for (let k9: u32 = 0; k9 < 6; k9++) {
        let v10: i32 = i32(i16(i64(0x38an)));
      }
    }
  }
  v2 += (v2 + (v2 / v2));
  const v11: u64 = u64(255n);
  vals.set(530, (v11 ^ (~u64(v1))));
  const q12 = vals.get(530);
  if (q12 !== undefined) {
    if (i8(v1) <= i8(i16(q12))) {
      vals.set(529, ((i32(0) >= i32(v0) ? u64(18446744073709551433n) : u64(v0)) | (q12 << v2)));
      const q13 = vals.get(529);
      if (q13 !== undefined) {
        vals.set(529, (~(~v2)));
        const q14 = vals.get(529);
        if (q14 !== undefined) {
          v1 ^= ((v1 - v1) + i8(0));
          out.set(529, q14);
        }
        out.set(530, u64(18446744073709551570n));
      }
      out.set(531, u64((~(i16(256) <= i16(-219) ? i16(127) : i16(671)))));
    }
    out.set(532, v2);
  }
  lows.record(u64(((u8(1) + u8(v3)) / (u8(0) % u8(v11)))), 529);
  highs.record(u64((~(u32(v1) * v3))), 528);
  out.set(533, u64(v0));
  out.set(534, u64(v1));
  out.set(535, u64(v2));
  out.set(536, u64(v3));
  out.set(537, u64(v11));
  return u64(v2);
});
