// Found by the differential test: seed 20261127, program p15.
// map out[244]: kernel "19595264n", simulator "18446744073700868096n"
// args p15: 18446744073709551527n, 953n, 11273232274561211606n, 9593126540417891986n
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

test("p15", (ctx) => {
  let v0 = u16(ctx.arg(0));
  const v1 = i8(ctx.arg(2));
  let v2: u8 = u8(ctx.arg(3));
  const s3: S = { a: (v2 ^ u8(8)), b: i16(958), c: (v0 >= v0 ? u32(32768) : u32(0)), d: (i64(0x4000000n) / i64(362n)), e: u64(65535n) };
  s3.e = (~u64(1n));
  structs.set(241, s3);
  const p4 = structs.get(241);
  if (p4 !== undefined) {
    p4.e = p4.e | (u64(8n) - 0xc2n);
    out.set(240, u64(p4.c));
  }
  const s5: S = { a: u8(225), b: (i16(1) ^ i16(2)), c: (~u32(v1)), d: (-i64(0x800000n)), e: (~u64(v2)) };
  s5.a *= v2;
  structs.set(240, s5);
  const p6 = structs.get(240);
  if (p6 !== undefined) {
    p6.a = p6.a - u8(0x0);
    out.set(241, u64(p6.c));
  }
  if ((~i32(592513476)) >= (i32(0) !== i32(v0) ? i32(-96) : i32(1073741824))) {
    let v7: i8 = ((v0 > 65389 ? (i8(1) - v1) : (~i8(0))) / v1);
    v2 &= (~(u8(29) - v2));
    for (let k8: u32 = 0; k8 <= 3; k8++) {
      if ((i64(-1946088198799452975n) >= i64(-184n) || i32(v0) < i32(0xffff))) break;
      const v9: i32 = ((v0 < v0 ? i8(-1) : v1) > v7 ? i32((i16(k8) >> i16(3))) : ((i32(k8) % 256) / 0));
      let v10: i8 = v7;
      const v11: i16 = (u16(k8) >= (v0 << 0) ? i16(-232) : i16(v7));
    }
  }
  highs.record(u64(u64(18446744073709551355n)), 241);
  lows.record(u64(((u32(v2) + u32(2147483648)) % u32(i64(v2)))), 240);
  let v12: i64 = ((u32(v1) + 2136446600) >= (~u32(v0)) ? ((i64(79n) & i64(608n)) / (i64(v1) + i64(127n))) : i64(-214n));
  switch ((v12 < v12 ? i16(0) : i16(0x2ef))) {
    case 3: {
      let v13: u32 = (~u32(540));
      // falls through
    }
    case 0x4: {
      v0 >>= u16((~v1));
      break;
    }
    default: {
      for (let k14: u32 = 0; k14 < 6; k14++) {
        lows.record(u64(u32(i16(k14))), 240);
        let v15: u32 = u32(v0);
        vals.delete(242);
      }
    }
  }
  vals.set(242, u64(598n));
  const q16 = vals.get(242);
  if (q16 !== undefined) {
    if ((i16(31) << 0x5) > (i16(-162) - i16(v2))) {
      const v17: i16 = (-(i16(0) << 0));
      switch ((~v17)) {
        case 4: {
          v12 |= v12;
          // falls through
        }
        case 6: {
          v2 += v2;
          break;
        }
        default: {
          vals.set(242, u64(18446744073709551351n));
          const q18 = vals.get(242);
          if (q18 !== undefined) {
            out.set(242, u64(q16));
            out.set(243, q18);
          }
        }
      }
    }
    out.set(244, (q16 * 32768n));
  }
  out.set(245, u64(v0));
  out.set(246, u64(v1));
  out.set(247, u64(v2));
  out.set(248, u64(v12));
  return u64(v0);
});
