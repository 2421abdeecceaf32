// Found by the differential test: seed 20261148, program p24.
// p24: the verifier rejected it: diff_20261148.ts:1691:43:  /     let v4: u16 = (((u64(v2) !== 127n ? u16(53167) : v2) % v2) - u16(0x7fff)); /   The verifier rejected program 'p24' at instruction 5: div by zero [EINVAL]
// args p24: 255n, 1073741824n, 105n, 65535n
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

test("p24", (ctx) => {
  let v0 = i16(ctx.arg(1));
  let v1 = i16(ctx.arg(3));
  const v2: u16 = (((~u16(65535)) * u16(32)) | 0);
  let v3: u8 = u8(0x0);
  let v4: u16 = (((u64(v2) !== 127n ? u16(53167) : v2) % v2) - u16(0x7fff));
  let v5: i64 = (((i64(v2) + i64(-94n)) - i64(0x2abn)) - 786n);
  out.set(384, u64(((u64(6001477824642305661n) + u64(0x0n)) << 7n)));
  const v6: i32 = i32(0x111);
  let v7: i32 = (~v6);
  out.set(385, u64(v0));
  out.set(386, u64(v1));
  out.set(387, u64(v2));
  out.set(388, u64(v3));
  out.set(389, u64(v4));
  out.set(390, u64(v5));
  out.set(391, u64(v6));
  out.set(392, u64(v7));
  return u64(v3);
});
