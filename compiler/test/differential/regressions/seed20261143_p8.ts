// Found by the differential test: seed 20261143, program p8.
// p8: the verifier rejected it: diff_20261143.ts:881:16:  /     if ((v1 / i8(v4)) === -16) { /   The verifier rejected program 'p8' at instruction 71: div by zero [EINVAL]
// args p8: 790n, 16884634768391279216n, 6770360606378236641n, 31n
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

test("p8", (ctx) => {
  let v0 = i32(ctx.arg(0));
  const v1 = i8(ctx.arg(1));
  let v2: i16 = i16(ctx.arg(2));
  let v3: i32 = i32(ctx.arg(3));
  const v4: u32 = ((u32(i64(-107n)) & u32(4025562274)) << 1);
  const s5: S = { a: u8(1), b: v2, c: (v4 / v4), d: (i64(1n) + i64(v1)), e: (~u64(8n)) };
  s5.b += i16(v4);
  structs.set(128, s5);
  const p6 = structs.get(128);
  if (p6 !== undefined) {
    p6.e = p6.e * (u64(v2) + u64(2147483647n));
    out.set(128, u64(p6.a));
  }
  v3 |= ((i32(1857319792) * i32(v2)) ^ (-v0));
  if (((i16(255) >= v2 || u64(v2) !== 0x9ea4c9b7a9849871n) && v1 === v1)) {
    v3 = ((v3 & i32(128)) - i32(8));
  }
  if ((v1 / i8(v4)) === -16) {
    vals.delete(129);
  } else {
    v2 |= (-(i16(-111) + v2));
    vals.delete(130);
  }
  out.set(129, u64(v0));
  out.set(130, u64(v1));
  out.set(131, u64(v2));
  out.set(132, u64(v3));
  out.set(133, u64(v4));
  return u64(v3);
});
