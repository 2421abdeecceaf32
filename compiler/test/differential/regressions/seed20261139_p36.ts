// Found by the differential test: seed 20261139, program p36.
// map out[579]: kernel "15312146466682954701n", simulator "254925n"
// args p36: 1024n, 32767n, 183n, 18446744073709551548n
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

test("p36", (ctx) => {
  let v0: u16 = u16(ctx.arg(0));
  const v1 = i64(ctx.arg(1));
  let v2: i16 = i16(ctx.arg(3));
  let v3: i16 = ((v2 - v2) - v2);
  let v4: u32 = u32(134217728);
  let v5: i16 = i16(u64(744n));
  sums.add(u64(v5), 576);
  for (let k6: u32 = 0; k6 < 1; k6++) {
    let v7: u32 = v4;
    switch ((k6 - 2791841115)) {
      case 0: {
        v3 += (~i16(v1));
        break;
      }
      case 6: {
        const s8: S = { a: (u8(8) << u8(v5)), b: (v1 > v1 ? i16(v1) : v3), c: u32(v3), d: (i64(-6896958600682528746n) & 7n), e: u64(18446744073709551359n) };
        s8.e ^= u64(4439861978093070149n);
        structs.set(576, s8);
        const p9 = structs.get(576);
        if (p9 !== undefined) {
          p9.e = p9.e | (u64(v0) & u64(1073741824n));
          out.set(576, u64(p9.e));
        }
        // falls through
      }
      case 3: {
        vals.set(577, u64(355n));
        const q10 = vals.get(577);
        if (q10 !== undefined) {
          const s11: S = { a: (u8(68) / u8(1)), b: (i16(255) % i16(0x0)), c: (v4 + v4), d: i64(v0), e: u64(v0) };
          s11.a += u8(59);
          structs.set(577, s11);
          const p12 = structs.get(577);
          if (p12 !== undefined) {
            p12.b = p12.b * (v5 | v3);
            out.set(577, u64(p12.e));
          }
          out.set(578, (q10 + q10));
        }
        break;
      }
      default: {
        vals.set(578, (u64(1477088411400790989n) - 4611686018427387904n));
        const q13 = vals.get(578);
        if (q13 !== undefined) {
          vals.set(578, u64((q13 % 0x80000n)));
          const q14 = vals.get(578);
          if (q14 !== undefined) {
            lows.record(u64(u8(v3)), 577);
            out.set(579, q13);
          }
          out.set(580, u64(18446744073709551492n));
        }
      }
    }
    const v15: i8 = (i8(50) + i8(-39));
  }
  for (let k16: u32 = 0; k16 < 6; k16++) {
    hist.record(u64((u64(v1) - 18446744073709551337n)), 576);
    switch ((~u8(v3))) {
      case 7: {
        out.set(581, u64(v0));
        // falls through
      }
      case 1: {
        let v17: u64 = ((~u64(v4)) - 1n);
        break;
      }
      default: {
        let v18: i16 = ((i16(v2) / 8) | 0x0);
      }
    }
  }
  const v19: i64 = (-(v1 << i64(v5)));
  out.set(582, u64(v0));
  out.set(583, u64(v1));
  out.set(584, u64(v2));
  out.set(585, u64(v3));
  out.set(586, u64(v4));
  out.set(587, u64(v5));
  out.set(588, u64(v19));
  return u64(v3);
});
