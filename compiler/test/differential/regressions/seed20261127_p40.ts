// Found by the differential test: seed 20261127, program p40.
// map out[643]: kernel "2147483647n", simulator "0n"
// args p40: 18446744073709551365n, 403n, 5368533901160982853n, 5866836717013430822n
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
  let v0: u8 = u8(ctx.arg(0));
  let v1: i16 = i16(ctx.arg(1));
  let v2: i32 = i32(ctx.arg(2));
  const v3 = u8(ctx.arg(3));
  const s4: S = { a: (~v3), b: (v2 < i32(v1) ? i16(14172) : v1), c: u32(0x7fff), d: (i64(3n) & 0x29dn), e: (u64(v1) & 989n) };
  s4.b ^= v1;
  structs.set(641, s4);
  const p5 = structs.get(641);
  if (p5 !== undefined) {
    p5.a = p5.a | (v0 << 0);
    v0 += p5.a;
  }
  switch (u8(i32(127))) {
    case 0x0: {
      sums.add(u64(u16((~u8(v1)))), 641);
      break;
    }
    case 3: {
      v2 %= v2;
      break;
    }
    default: {
      v1++;
    }
  }
  for (let k6: u32 = 0; k6 < 1; k6 += 1) {
    if (u64(646n) >= 0x100n) continue;
    for (let k7: u32 = 0; k7 <= 4; k7++) {
      v1++;
      let v8: u64 = (((u64(v3) >> u64(2147483648n)) + u64(i64(0x80000000000n))) / u64(65535n));
      switch ((i32(7) > v2 ? v1 : v1)) {
        case 1: {
          vals.set(642, v8);
          const q9 = vals.get(642);
          if (q9 !== undefined) {
            const s10: S = { a: v0, b: i16(v0), c: (k6 + k7), d: (~i64(k6)), e: (~v8) };
            s10.d += i64(v8);
            structs.set(641, s10);
            const p11 = structs.get(641);
            if (p11 !== undefined) {
              p11.d = p11.d * (~i64(k7));
              v8 += p11.e;
            }
            out.set(640, (q9 & u64(k7)));
          }
          break;
        }
        case 4: {
          v8 /= (u64(v1) % u64(18446744073709551469n));
          // falls through
        }
        default: {
          let v12: i64 = (i32(u64(v2)) < v2 ? ((v1 <= v1 ? i64(857n) : i64(-293n)) * -82n) : (-(i64(v8) + i64(v3))));
        }
      }
    }
  }
  switch ((i8(127) !== -1 ? u8(0) : v0)) {
    case 2: {
      switch (u32(64)) {
        case 0x7: {
          out.set(641, u64(u32(234)));
          break;
        }
        case 0x0: {
          v1 |= i16(-1);
          break;
        }
        case 0x4: {
          lows.record(u64(((u64(0xca96a87f68806c25n) >> u64(16384n)) * u64(18446744073709551518n))), 641);
          break;
        }
        default: {
          v0 ^= v0;
        }
      }
      break;
    }
    default: {
      vals.set(640, ((u64(2147483648n) & u64(32768n)) ^ 2147483647n));
      const q13 = vals.get(640);
      if (q13 !== undefined) {
        vals.set(640, u64(0x0n));
        const q14 = vals.get(640);
        if (q14 !== undefined) {
          sums.add(u64(u64(65535n)), 641);
          out.set(642, u64(50n));
        }
        out.set(643, q13);
      }
    }
  }
  if ((v0 & v3) > (~v3)) {
    const v15: i8 = i8(63);
  }
  out.set(644, u64(v0));
  out.set(645, u64(v1));
  out.set(646, u64(v2));
  out.set(647, u64(v3));
  return u64(v0);
});
