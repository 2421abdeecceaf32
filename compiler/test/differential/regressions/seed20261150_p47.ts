// Found by the differential test: seed 20261150, program p47.
// p47: the verifier rejected it: diff_20261150.ts:3185:13:  /     v2 /= i16(v4); /   The verifier rejected program 'p47' at instruction 8: div by zero [EINVAL]
// args p47: 3174011343330463866n, 65535n, 11258175321761873182n, 696n
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

test("p47", (ctx) => {
  let v0: u8 = u8(ctx.arg(0));
  let v1: i16 = i16(ctx.arg(1));
  let v2: i16 = i16(ctx.arg(2));
  let v3: i64 = i64(ctx.arg(3));
  let v4: u16 = (u16(32768) / ((u16(0x0) - 65403) / (u16(0) / u16(1))));
  let v5: i8 = i8(0);
  v2 /= i16(v4);
  let v6: u16 = (~((u16(35785) & 0x211) + v4));
  out.set(752, u64(v0));
  out.set(753, u64(v1));
  out.set(754, u64(v2));
  out.set(755, u64(v3));
  out.set(756, u64(v4));
  out.set(757, u64(v5));
  out.set(758, u64(v6));
  return u64(v3);
});
