// Found by the differential test: seed 20261154, program p1.
// p1: the verifier rejected it: diff_20261154.ts:70:12:  /     v2 /= i8(v10); /   The verifier rejected program 'p1' at instruction 55: div by zero [EINVAL]
// args p1: 4096n, 31n, 9668801347733281388n, 10901082903671093825n
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

test("p1", (ctx) => {
  const v0: i8 = i8(ctx.arg(0));
  const v1 = u64(ctx.arg(1));
  let v2: i8 = i8(ctx.arg(2));
  const v3: i16 = i16(ctx.arg(3));
  let v4: i16 = v3;
  let v5: u64 = ((u64(i32(-162)) ^ (v1 + v1)) & v1);
  if (u8(v1) >= u8(186)) {
    switch ((i32(0x65) - i32(2))) {
      case 0: {
        let v6: i16 = ((v3 * (v4 | v3)) ^ -208);
        // falls through
      }
      case 1: {
        v5 %= u64(32n);
        break;
      }
      case 7: {
        const s7: S = { a: (i32(256) >= i32(1009659734) ? u8(v4) : u8(255)), b: (v4 & 128), c: (u16(0x7) > u16(0xff39) ? u32(v5) : u32(v2)), d: (i64(512n) << i64(-210n)), e: (u64(287n) >> 7n) };
        s7.a *= (v0 === 0 ? u8(v5) : u8(v0));
        structs.set(17, s7);
        const p8 = structs.get(17);
        if (p8 !== undefined) {
          p8.c = p8.c + (u32(0xff) - u32(128));
          out.set(16, u64(p8.a));
        }
        break;
      }
      default: {
        const v9: i8 = (((~v0) ^ 0x0) << (-v0));
      }
    }
  }
  let v10: u8 = u8(0);
  const s11: S = { a: (~u8(v5)), b: (u16(v10) === u16(915) ? i16(892) : v3), c: u32(226), d: i64(847n), e: u64(i64(262144n)) };
  s11.a = (v10 & v10);
  structs.set(17, s11);
  const p12 = structs.get(17);
  if (p12 !== undefined) {
    p12.b = p12.b + (-v3);
    v4 += p12.b;
  }
  v2 /= i8(v10);
  let v13: i16 = (-(i16(2) * (v4 - i16(7))));
  highs.record(u64((v4 | (v13 * v3))), 17);
  let v14: i64 = (!(v5 > v1) ? (~(i64(0x0n) / 788n)) : i64(-278n));
  out.set(17, u64(v0));
  out.set(18, u64(v1));
  out.set(19, u64(v2));
  out.set(20, u64(v3));
  out.set(21, u64(v4));
  out.set(22, u64(v5));
  out.set(23, u64(v10));
  out.set(24, u64(v13));
  out.set(25, u64(v14));
  return u64(v3);
});
