// Found by the differential test: seed 20261147, program p32.
// p32: the verifier rejected it: diff_20261147.ts:2328:24:  /     let v8: i16 = (((i16(v0) ^ -104) / (v7 % v7)) / ((u32(0) <= 0x8000 || u32(4294967176) <= u32(v2)) ? (v7 ^ v7) : i16(u32(0)))); /   The verifier rejected program 'p32' at instruction 73: div by zero [EINVAL]
// args p32: 2048n, 2147483647n, 18446744073709551549n, 1n
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

test("p32", (ctx) => {
  const v0 = i64(ctx.arg(0));
  let v1: i8 = i8(ctx.arg(2));
  let v2 = u8(ctx.arg(3));
  const s3: S = { a: (~u8(0x7)), b: (i16(875) & i16(316)), c: (u32(4294967209) < 3120739081 ? u32(v2) : u32(31)), d: (~v0), e: (u64(v0) | u64(395n)) };
  s3.c += (~u32(1073741824));
  structs.set(512, s3);
  const p4 = structs.get(512);
  if (p4 !== undefined) {
    p4.e = p4.e + (u64(255n) % 8242054348576467366n);
    v2 += p4.a;
  }
  let v5: u16 = u16(v2);
  v2 /= ((v5 > u16(324) && u32(v2) < u32(4294967295)) ? (v2 - v2) : (v2 !== u8(0x7f) ? v2 : u8(172)));
  vals.delete(512);
  let v6: i64 = (((-v0) % (v0 >> v0)) >> (v0 + i64(i8(0))));
  let v7: i16 = i16(0);
  let v8: i16 = (((i16(v0) ^ -104) / (v7 % v7)) / ((u32(0) <= 0x8000 || u32(4294967176) <= u32(v2)) ? (v7 ^ v7) : i16(u32(0))));
  v7 %= (u16(65309) <= u16(0) ? (-v8) : (~v8));
  v7 *= (i16(0x0) + 8);
  out.set(512, u64(v0));
  out.set(513, u64(v1));
  out.set(514, u64(v2));
  out.set(515, u64(v5));
  out.set(516, u64(v6));
  out.set(517, u64(v7));
  out.set(518, u64(v8));
  return u64(v7);
});
