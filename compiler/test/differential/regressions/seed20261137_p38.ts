// Found by the differential test: seed 20261137, program p38.
// p38: the verifier rejected it: diff_20261137.ts:2779:27:  /     let v5: i16 = ((v1 / u8(v3)) >= u8(v4) ? (v3 > u32(4294967027) ? (i16(v0) / i16(v2)) : (i16(-131) - 0)) : (i16(v2) >> (i16(0x0) + i16(0x80)))); /   The verifier rejected program 'p38' at instruction 17: div by zero [EINVAL]
// args p38: 3n, 18446744073709551355n, 18446744073709551456n, 18446744073709551399n
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

test("p38", (ctx) => {
  let v0: u16 = u16(ctx.arg(0));
  const v1 = u8(ctx.arg(1));
  let v2 = i32(ctx.arg(2));
  const v3: u32 = u32(ctx.arg(3));
  v2 = i32((i8(-1) & i8(0)));
  const v4: i8 = i8(2);
  let v5: i16 = ((v1 / u8(v3)) >= u8(v4) ? (v3 > u32(4294967027) ? (i16(v0) / i16(v2)) : (i16(-131) - 0)) : (i16(v2) >> (i16(0x0) + i16(0x80))));
  let v6: i64 = (i64(675n) | (i64(256n) << (i64(997n) + i64(v5))));
  v2++;
  const v7: i8 = v4;
  let v8: i8 = v7;
  out.set(608, u64(v0));
  out.set(609, u64(v1));
  out.set(610, u64(v2));
  out.set(611, u64(v3));
  out.set(612, u64(v4));
  out.set(613, u64(v5));
  out.set(614, u64(v6));
  out.set(615, u64(v7));
  out.set(616, u64(v8));
  return u64(v1);
});
