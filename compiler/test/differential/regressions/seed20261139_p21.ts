// Found by the differential test: seed 20261139, program p21.
// p21: the verifier rejected it: diff_20261139.ts:1404:20:  /     v2 %= u64(i8(v10)); /   The verifier rejected program 'p21' at instruction 312: div by zero [EINVAL]
// args p21: 32767n, 32767n, 881n, 18446744073709551393n
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
  let v0: i16 = i16(ctx.arg(0));
  let v1 = u32(ctx.arg(1));
  let v2: u64 = u64(ctx.arg(3));
  vals.set(336, v2);
  const q3 = vals.get(336);
  if (q3 !== undefined) {
    let v4: u16 = ((u16(65317) * 62448) ^ u16(32768));
    out.set(336, v2);
  }
  for (let k5: u32 = 0; k5 < 3; k5++) {
    const s6: S = { a: (u8(0x14) + 0), b: (~v0), c: (v1 << 1), d: i64(255n), e: (v0 >= 540 ? v2 : v2) };
    s6.d += i64(-196n);
    structs.set(337, s6);
    const p7 = structs.get(337);
    if (p7 !== undefined) {
      p7.e = p7.e * (u64(346n) >> v2);
      v0 += p7.b;
    }
    vals.set(337, u64(17866194294536150771n));
    const q8 = vals.get(337);
    if (q8 !== undefined) {
      vals.delete(338);
      out.set(337, (q8 + v2));
    }
    const v9: u16 = u16(v0);
  }
  const v10: u8 = (u8(0) & u8(93));
  v0 |= (-(-v0));
  for (let k11: u32 = 0; k11 < 1; k11++) {
    switch ((k11 % k11)) {
      case 2: {
        lows.record(u64(i32(0)), 337);
        // falls through
      }
      case 0x1: {
        lows.record(u64(((~i64(32767n)) * i64(2147483648n))), 337);
        // falls through
      }
      default: {
        v1 ^= v1;
      }
    }
  }
  switch (v0) {
    case 7: {
      let v12: i64 = ((~i64(128n)) + ((i64(2147483647n) - 31n) + i64(382921051776348334n)));
      break;
    }
    case 6: {
      let v13: i8 = i8(90);
      break;
    }
    default: {
      if (i64(v0) > (i64(0n) * i64(-9223372036854775808n))) {
        const s14: S = { a: v10, b: i16(0x5d), c: (v1 - v1), d: (i64(576460752303423488n) ^ i64(v0)), e: (v2 - 0xfffffffffffffffcn) };
        s14.e += (u64(17229053329614186139n) >> 4n);
        structs.set(336, s14);
        const p15 = structs.get(336);
        if (p15 !== undefined) {
          p15.d = p15.d * (i64(v10) ^ -3290794946667935421n);
          v0 += p15.b;
        }
        v2 /= (~v2);
        v0++;
      } else {
        out.set(338, u64((u64(4620326636386257905n) >> (~u64(v1)))));
        sums.add(u64((i8(v2) & 60)), 337);
        v0 ^= v0;
      }
    }
  }
  switch ((i32(695) > i32(64) ? u8(0x40) : v10)) {
    case 0x0: {
      switch (v0) {
        case 4: {
          out.set(339, u64(i8(v0)));
          // falls through
        }
        case 7: {
          out.set(340, u64(v10));
          // falls through
        }
        default: {
          out.set(341, u64((~(~v2))));
        }
      }
      break;
    }
    case 3: {
      let v16: u64 = ((u64(18446744073709551381n) << (v2 * 255n)) * u64(v0));
      break;
    }
    default: {
      v2 %= u64(i8(v10));
    }
  }
  out.set(342, u64(v0));
  out.set(343, u64(v1));
  out.set(344, u64(v2));
  out.set(345, u64(v10));
  return u64(v0);
});
