// Found by the differential test: seed 20261128, program p49.
// p49: the verifier rejected it: diff_20261128.ts:3452:28:  /     v1 %= (u32(i32(0)) * u32(v2)); /   The verifier rejected program 'p49' at instruction 68: div by zero [EINVAL]
// args p49: 982n, 255n, 4294967295n, 18446744073709551589n
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
  const v0: u8 = u8(ctx.arg(0));
  let v1: u32 = u32(ctx.arg(2));
  out.set(784, u64(i32(-156)));
  let v2: u16 = u16(v1);
  if (u8(v2) <= v0) {
    highs.record(u64((u64(628n) < u64(2305843009213693952n) ? (~i16(v0)) : (i16(288) & i16(32767)))), 784);
  }
  out.set(785, u64((i8(v1) + (i8(0x0) + i8(64)))));
  v1 %= (u32(i32(0)) * u32(v2));
  for (let k3: u32 = 0; k3 < 5; k3++) {
    const s4: S = { a: (~u8(34)), b: (i16(-168) > i16(32767) ? i16(0x3e2d) : i16(v2)), c: k3, d: (i64(749n) ^ i64(-5025602093805230052n)), e: (~u64(256n)) };
    s4.b += i16(-27346);
    structs.set(784, s4);
    const p5 = structs.get(784);
    if (p5 !== undefined) {
      p5.d = p5.d + i64(4397018156809518373n);
      out.set(786, u64(p5.e));
    }
    switch ((i16(-266) <= i16(0) ? i32(32767) : i32(-1242235800))) {
      case 3: {
        const s6: S = { a: (v0 + v0), b: (i16(31) << i16(-377)), c: (u32(0xffff) >> 4), d: (i64(0x3n) % i64(v2)), e: (v0 >= v0 ? u64(5705170483249788272n) : u64(746n)) };
        s6.b += (i16(949) % 0);
        structs.set(784, s6);
        const p7 = structs.get(784);
        if (p7 !== undefined) {
          p7.b = p7.b + (i16(932) + 7);
          out.set(787, u64(p7.b));
        }
        break;
      }
      default: {
        v1--;
      }
    }
  }
  for (let k8: u32 = 0; k8 < 5; k8 += 1) {
    if (i8(-1) > i8(0)) break;
    let v9: u16 = v2;
    switch ((k8 - u32(128))) {
      case 7: {
        vals.set(784, ((u64(v9) ^ u64(18446744073709551383n)) & 702n));
        const q10 = vals.get(784);
        if (q10 !== undefined) {
          v9--;
          out.set(788, q10);
        }
        break;
      }
      case 1: {
        highs.record(u64(i64(-34n)), 784);
        // falls through
      }
      case 2: {
        v2 &= ((~v2) % v2);
        // falls through
      }
      default: {
        v2 &= ((v9 + u16(350)) * v9);
      }
    }
  }
  out.set(789, u64(v0));
  out.set(790, u64(v1));
  out.set(791, u64(v2));
  return u64(v0);
});
