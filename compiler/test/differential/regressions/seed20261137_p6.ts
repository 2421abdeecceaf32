// Found by the differential test: seed 20261137, program p6.
// map out[98]: kernel "18446744039349813279n", simulator "31n"
// args p6: 524288n, 31n, 1048576n, 32768n
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

test("p6", (ctx) => {
  let v0: i32 = i32(ctx.arg(0));
  let v1: u64 = u64(ctx.arg(1));
  let v2 = u64(ctx.arg(2));
  let v3 = i16(ctx.arg(3));
  sums.add(u64(((u8(0x0) >> u8(0)) / 0)), 97);
  for (let k4: u32 = 0; k4 <= 3; k4++) {
    const s5: S = { a: (u8(36) % u8(0)), b: (~v3), c: (~k4), d: (i64(v1) >> 0n), e: (v1 >> u64(v3)) };
    s5.c ^= k4;
    structs.set(97, s5);
    const p6 = structs.get(97);
    if (p6 !== undefined) {
      p6.c = p6.c | u32(0x14ad418b);
      v3 += p6.b;
    }
    const s7: S = { a: (u8(0) - u8(26)), b: (v3 - i16(-1)), c: (k4 - u32(3488532667)), d: i64(v3), e: v1 };
    s7.b *= (i16(k4) - v3);
    structs.set(96, s7);
    const p8 = structs.get(96);
    if (p8 !== undefined) {
      p8.b = p8.b | (-v3);
      out.set(96, u64(p8.c));
    }
    vals.set(96, u64(34359738368n));
    const q9 = vals.get(96);
    if (q9 !== undefined) {
      switch (u32(q9)) {
        case 7: {
          sums.add(u64((-(-v0))), 96);
          break;
        }
        default: {
          vals.set(96, (u64(v0) / (q9 | u64(2048n))));
          const q10 = vals.get(96);
          if (q10 !== undefined) {
            v2 += (~(q10 + q9));
            out.set(97, u64(18128555076358594270n));
          }
        }
      }
      out.set(98, (v1 - q9));
    }
  }
  if (((i64(v3) === i64(-6821945423259729491n) || v1 !== u64(18446744073709551570n)) && v0 === v0)) {
    let v11: u8 = (~(~(~u8(0))));
  }
  v3 &= ((v3 + 7) - 961);
  if ((u64(v3) <= 32767n || i64(v3) !== i64(v3))) {
    for (let k12: u32 = 0; k12 < 5; k12++) {
      if (u8(0) < 180) break;
      sums.add(u64(((k12 | u32(3910131571)) & u32(u8(0)))), 96);
      v2 |= (k12 < 302 ? (v1 - v1) : (v1 === v2 ? u64(255n) : u64(k12)));
      v0 = (v0 / v0);
    }
    vals.set(96, ((u64(9934734913706491628n) | v1) - v1));
    const q13 = vals.get(96);
    if (q13 !== undefined) {
      v3 <<= ((v2 === v1 ? i16(v2) : i16(q13)) / -15920);
      out.set(99, q13);
    }
    switch (v3) {
      case 5: {
        out.set(100, u64(((v1 * u64(18446744073709551461n)) >> v1)));
        break;
      }
      case 0x5: {
        out.set(101, u64(((i64(275n) % 255n) * -1925222906914882482n)));
        break;
      }
      case 3: {
        v2++;
        break;
      }
      default: {
        out.set(102, u64(((~i8(v3)) << (i8(64) ^ 0))));
      }
    }
  }
  let v14: i8 = (~i8(v2));
  switch ((v3 & v3)) {
    case 0x5: {
      for (let k15: u32 = 0; k15 < 5; k15++) {
        out.set(103, u64(((v14 + v14) - v14)));
        let v16: u64 = ((v2 & 18446744073709551451n) <= 0x4000000000000n ? (v1 - (~u64(1n))) : (u64(18446744073709551550n) + 0x3fn));
        const v17: i16 = (v3 << ((v3 << i16(587)) * (i16(-145) ^ v3)));
      }
      // falls through
    }
    default: {
      let v18: i32 = v0;
    }
  }
  out.set(104, u64(v0));
  out.set(105, u64(v1));
  out.set(106, u64(v2));
  out.set(107, u64(v3));
  out.set(108, u64(v14));
  return u64(v2);
});
