// Found by the differential test: seed 20261159, program p15.
// map out[243]: kernel "18446744073709551614n", simulator "18446744073709551615n"
// args p15: 72057594037927936n, 8729942669578879124n, 255n, 7596676186506389323n
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
  let v0: i32 = i32(ctx.arg(0));
  let v1: u8 = u8(ctx.arg(1));
  let v2 = i8(ctx.arg(2));
  const v3 = u8(ctx.arg(3));
  let v4: i8 = ((v2 ^ 3) | ((v2 ^ 2) % 0));
  vals.set(240, u64(0x7f7c9595f988b470n));
  const q5 = vals.get(240);
  if (q5 !== undefined) {
    vals.set(240, (q5 / q5));
    const q6 = vals.get(240);
    if (q6 !== undefined) {
      switch ((i16(31) + -98)) {
        case 2: {
          const v7: i32 = (i32(0x3f) ^ v0);
          break;
        }
        case 4: {
          out.set(240, u64(v1));
          break;
        }
        case 0: {
          out.set(241, u64((v4 << i8(0))));
          // falls through
        }
        default: {
          v4 += (-v2);
        }
      }
      out.set(242, (q6 | u64(0xc41232cf3c68cc08n)));
    }
    out.set(243, (u64(v4) | q5));
  }
  for (let k8: u32 = 0; k8 < 5; k8 += 2) {
    if (v0 < v0) continue;
    const v9: i64 = (~i64(68719476736n));
  }
  highs.record(u64(u64(4096n)), 240);
  v0 &= ((v0 + v0) % (-v0));
  sums.add(u64(u16(v0)), 240);
  out.set(244, u64(v0));
  out.set(245, u64(v1));
  out.set(246, u64(v2));
  out.set(247, u64(v3));
  out.set(248, u64(v4));
  return u64(v0);
});
