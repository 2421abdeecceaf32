// Found by the differential test: seed 20261153, program p49.
// p49: the verifier rejected it: diff_20261153.ts:3058:36:  /     v2 %= (i8(-76) >= 8 ? v2 : (~u16(65535))); /   The verifier rejected program 'p49' at instruction 132: div by zero [EINVAL]
// args p49: 18446744073709551526n, 8796093022208n, 12032435268055006161n, 0n
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

test("p49", (ctx) => {
  let v0: i32 = i32(ctx.arg(0));
  const v1 = u32(ctx.arg(2));
  let v2: u16 = u16(ctx.arg(3));
  v2 |= (v2 + (v2 / v2));
  let v3: u64 = (~(u64(i64(16384n)) + (u64(47n) + u64(0x80000000n))));
  if ((v3 - u64(17212901393857377843n)) < v3) {
    if (v0 <= (v0 << v0)) {
      if ((!(i64(256n) < 140737488355328n) || (i16(32) >= i16(v1) && i32(-177) >= i32(32767)))) {
        const s4: S = { a: (u8(31) << u8(58)), b: (i16(64) << i16(0xff)), c: (u32(31) / 0), d: (i64(274n) - i64(v2)), e: (v3 + v3) };
        s4.b = (~i16(v3));
        structs.set(785, s4);
        const p5 = structs.get(785);
        if (p5 !== undefined) {
          p5.c = p5.c | (v1 + u32(0x178));
          out.set(784, u64(p5.d));
        }
        let v6: u8 = (~u8((~v3)));
      } else {
        lows.record(u64(u16((u8(3) & u8(v0)))), 784);
        const s7: S = { a: u8(0xa1), b: (i16(411) - i16(0)), c: (v1 & 0x8000), d: (v0 <= 323351167 ? i64(0x39en) : i64(v1)), e: v3 };
        s7.b *= (i16(32767) | i16(128));
        structs.set(785, s7);
        const p8 = structs.get(785);
        if (p8 !== undefined) {
          p8.d = p8.d | i64(i64(1024n));
          out.set(785, u64(p8.b));
        }
      }
      if ((i64(4294967295n) >= i64(4294967296n) && v2 !== 6)) {
        vals.set(786, v3);
        const q9 = vals.get(786);
        if (q9 !== undefined) {
          vals.set(785, q9);
          const q10 = vals.get(785);
          if (q10 !== undefined) {
            const v11: u8 = u8((i64(v1) ^ 0x7n));
            out.set(786, (v3 << 0x1n));
          }
          out.set(787, q9);
        }
        vals.delete(784);
        v0 -= i32((v1 < u32(65535) ? v2 : u16(v0)));
      } else {
        let v12: i32 = i32(v1);
      }
    } else {
      let v13: i8 = (((v1 === u32(496) ? i8(v2) : i8(23)) - i8(0)) >> i8(1));
      let v14: u8 = (u8(0) << u8(0));
    }
    let v15: i8 = ((i16(627) > i16(v3) ? (i8(v3) + i8(v3)) : i8(v3)) + (-(i8(-1) - i8(v1))));
  }
  lows.record(u64((-(i8(v3) % -65))), 785);
  v2 %= (i8(-76) >= 8 ? v2 : (~u16(65535)));
  v2 ^= v2;
  let v16: u8 = u8(u64((~i8(-46))));
  v16 = (!(v1 >= v1) ? (~u8(203)) : (i16(255) !== 128 ? v16 : v16));
  let v17: i8 = i8(v0);
  out.set(788, u64(v0));
  out.set(789, u64(v1));
  out.set(790, u64(v2));
  out.set(791, u64(v3));
  out.set(792, u64(v16));
  out.set(793, u64(v17));
  return u64(v1);
});
