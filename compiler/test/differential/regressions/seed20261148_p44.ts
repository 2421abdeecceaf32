// Found by the differential test: seed 20261148, program p44.
// map out[705]: kernel "18446744073575333257n", simulator "18437736891433353847n"
// args p44: 18446744073709551335n, 255n, 32n, 67108864n
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

test("p44", (ctx) => {
  const v0 = u32(ctx.arg(1));
  let v1 = i8(ctx.arg(2));
  let v2: u64 = u64(ctx.arg(3));
  let v3: u8 = (~((u8(0x3) & u8(192)) / (~u8(0xff))));
  if ((~v2) >= (i64(0x130db558fc9d5576n) >= i64(v3) ? u64(18446744073709551406n) : u64(8n))) {
    v2 -= (~(i32(v1) >= i32(1626001830) ? v2 : u64(32767n)));
    const s4: S = { a: u8(u16(65482)), b: (i16(63) * i16(v3)), c: (v0 + v0), d: (i64(4096n) - i64(v0)), e: (i16(835) !== i16(v3) ? v2 : v2) };
    s4.e ^= (v2 - 972n);
    structs.set(705, s4);
    const p5 = structs.get(705);
    if (p5 !== undefined) {
      p5.b = p5.b + i16(u16(0xffff));
      v3 += p5.a;
    }
    let v6: u64 = v2;
  }
  switch (i16(0)) {
    case 4: {
      let v7: i32 = i32(609);
      break;
    }
    case 0x5: {
      if ((u8(0) << u8(0x0)) !== (v3 - u8(v2))) {
        const s8: S = { a: (u8(10) | u8(31)), b: (i16(26330) | i16(9297)), c: v0, d: (i16(256) >= i16(v2) ? i64(274877906944n) : i64(0x7dn)), e: (v2 ^ 0xffn) };
        s8.b = i16(64);
        structs.set(705, s8);
        const p9 = structs.get(705);
        if (p9 !== undefined) {
          p9.d = p9.d - i64(64n);
          out.set(704, u64(p9.b));
        }
        v2 *= (~(~u64(v3)));
      }
      break;
    }
    default: {
      if (((v0 !== v0 || i32(v3) === i32(-295)) || v1 === v1)) {
        vals.set(705, ((~v2) + (~v2)));
        const q10 = vals.get(705);
        if (q10 !== undefined) {
          vals.set(705, ((q10 + u64(v3)) * (i16(-191) <= i16(-182) ? v2 : v2)));
          const q11 = vals.get(705);
          if (q11 !== undefined) {
            const v12: i16 = (((i16(v3) | i16(565)) & -137) - ((i16(475) % i16(-143)) & 128));
            out.set(705, (q10 ^ u64(v12)));
          }
          out.set(706, (v2 + v2));
        }
      } else {
        let v13: i64 = (((i64(0x20000000n) === 0x80000000n ? i64(v3) : i64(-159n)) ^ i64(2147483648n)) ^ i64(378n));
      }
    }
  }
  const v14: u16 = u16(((v2 !== 255n ? u8(0x46) : v3) & (v3 ^ v3)));
  const v15: u8 = (((u8(68) & v3) ^ (~u8(149))) + v3);
  out.set(707, u64(v0));
  out.set(708, u64(v1));
  out.set(709, u64(v2));
  out.set(710, u64(v3));
  out.set(711, u64(v14));
  out.set(712, u64(v15));
  return u64(v1);
});
