// Found by the differential test: seed 20261144, program p49.
// map out[788]: kernel "18446744073709551359n", simulator "18446744073709551615n"
// args p49: 0n, 128n, 64n, 2147483648n
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
  let v1: i32 = i32(ctx.arg(1));
  let v2: u16 = u16(ctx.arg(2));
  const v3: i8 = i8(ctx.arg(3));
  if (((i8(v2) >= v3 || i64(64n) !== i64(32768n)) || u32(v0) >= u32(4294967295))) {
    switch ((u32(0xff) % u32(v2))) {
      case 0x4: {
        out.set(784, u64(((u64(v1) & u64(8n)) << u64(0xffffffffffffff9en))));
        break;
      }
      case 0x7: {
        const s4: S = { a: v0, b: i16(0), c: (u32(v3) + u32(4294967272)), d: i64(v0), e: u64(1967844727005866982n) };
        s4.c = (~u32(v2));
        structs.set(785, s4);
        const p5 = structs.get(785);
        if (p5 !== undefined) {
          p5.c = p5.c * u32(0x8);
          out.set(785, u64(p5.e));
        }
        break;
      }
      case 5: {
        const s6: S = { a: (v0 + u8(255)), b: (u64(0x40000n) > 53n ? i16(30049) : i16(0)), c: (u32(v2) | u32(31)), d: (i64(v3) ^ i64(1n)), e: (u64(31n) ^ u64(2n)) };
        s6.a ^= u8(0);
        structs.set(784, s6);
        const p7 = structs.get(784);
        if (p7 !== undefined) {
          p7.b = p7.b + (-i16(v3));
          out.set(786, u64(p7.c));
        }
        break;
      }
      default: {
        vals.set(785, (~(~u64(0x100n))));
        const q8 = vals.get(785);
        if (q8 !== undefined) {
          vals.set(785, ((q8 % 18446744073709551554n) * (u64(0n) << u64(v2))));
          const q9 = vals.get(785 + 1);
          if (q9 !== undefined) {
            vals.delete(785);
            out.set(787, (q8 + 40n));
          }
          out.set(788, (~q8));
        }
      }
    }
    out.set(789, u64(((i64(v3) - i64(-631683301069660017n)) % 1n)));
  } else {
    sums.add(u64((u64(1048576n) >> u64(128n))), 785);
    v2 >>= (v2 + (u64(v0) !== u64(v3) ? v2 : v2));
  }
  lows.record(u64(((~v0) / (v0 & u8(v1)))), 784);
  lows.record(u64((u16(65535) & 63971)), 785);
  v1 = (~(~v1));
  let v10: u16 = (((v2 - v2) - (~u16(0))) >> 0x6);
  switch ((~u32(4294967280))) {
    case 1: {
      const v11: u64 = ((u64(v2) >> (u64(0x0n) % u64(14301064031204677993n))) ^ (i64(v1) !== i64(0x2cc8ee68ab30ed65n) ? (u64(v10) << u64(v1)) : (u64(0x80000000n) / u64(v2))));
      break;
    }
    default: {
      if (v1 >= (-v1)) {
        const v12: i32 = i32(671);
        let v13: i16 = (i16(v12) - i16(32767));
        let v14: u32 = (((u32(0xb7e786d0) - 4294967295) * u32(4294967277)) ^ (~(~u32(0x0))));
      } else {
        let v15: u32 = ((u32(v10) - 173) ^ (u32(255) * 127));
        const v16: i16 = (((i16(0) + i16(v10)) >> 2) % -32768);
      }
    }
  }
  const v17: i64 = (-(i64(-265n) | (i64(355n) & 1n)));
  out.set(790, u64(v0));
  out.set(791, u64(v1));
  out.set(792, u64(v2));
  out.set(793, u64(v3));
  out.set(794, u64(v10));
  out.set(795, u64(v17));
  return u64(v3);
});
