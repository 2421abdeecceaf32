// Found by the differential test: seed 20261141, program p10.
// map out[163]: kernel "4830162302073776770n", simulator "106379547255165354n"
// args p10: 32n, 8n, 3689244161470994172n, 32n
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

test("p10", (ctx) => {
  let v0 = i32(ctx.arg(0));
  let v1: u32 = u32(ctx.arg(1));
  let v2: u16 = u16(ctx.arg(2));
  let v3: u32 = u32(ctx.arg(3));
  const v4: i32 = v0;
  if ((u8(31) * u8(0x43)) < 0) {
    const v5: i64 = ((v4 >= v0 ? (i64(v3) * i64(16384n)) : i64(-2469884454907133652n)) >> ((i64(0x20000000000000n) - i64(0x5aef79ac66243086n)) - (i64(v4) / i64(31n))));
    v2 ^= (~v2);
  }
  const s6: S = { a: u8(v1), b: (i16(v2) / i16(740)), c: (u32(v0) - v1), d: i64(406n), e: (u64(41n) - 63n) };
  s6.d ^= (-i64(v2));
  structs.set(161, s6);
  const p7 = structs.get(161);
  if (p7 !== undefined) {
    p7.a = p7.a - u8(u32(255));
    out.set(160, u64(p7.b));
  }
  const s8: S = { a: (~u8(154)), b: (i16(2358) >> 7), c: (v1 + v3), d: (-i64(-4404112803125212610n)), e: (i8(v4) <= i8(0) ? u64(v2) : u64(8n)) };
  s8.b = i16(u64(v2));
  structs.set(161, s8);
  const p9 = structs.get(161);
  if (p9 !== undefined) {
    p9.c = p9.c | (~v3);
    out.set(161, u64(p9.e));
  }
  vals.set(162, ((i16(-203) >= 0 ? u64(8927197078780116004n) : u64(4830162302073776770n)) - u64(2147483648n)));
  const q10 = vals.get(162);
  if (q10 !== undefined) {
    vals.set(162, ((~q10) >> 7n));
    const q11 = vals.get(162);
    if (q11 !== undefined) {
      const v12: u64 = u64(((i32(-1246354160) === v0 ? u8(0) : u8(0xff)) - (u8(3) ^ u8(101))));
      out.set(162, (~v12));
    }
    out.set(163, (q10 + 2147483648n));
  }
  if ((~v1) > (v1 * u32(2045834954))) {
    let v13: u8 = (u8(v2) | u8(53));
    v2 >>= ((u16(646) >> v2) ^ v2);
    highs.record(u64((~u8(v2))), 161);
  } else {
    const v14: u16 = ((~(u8(139) <= u8(18) ? v2 : u16(65311))) + ((~u16(65530)) * (u16(0) << v2)));
    let v15: i64 = (((i64(4393502611951984298n) - i64(32768n)) + (i64(v2) * i64(v14))) ^ -245n);
  }
  if ((v3 >> v3) > (v1 | v3)) {
    let v16: i8 = i8(64);
  }
  v2 >>= ((u16(65535) - v2) * v2);
  v0 |= ((~i32(-2147483648)) + v0);
  vals.delete(162);
  out.set(164, u64(v0));
  out.set(165, u64(v1));
  out.set(166, u64(v2));
  out.set(167, u64(v3));
  out.set(168, u64(v4));
  return u64(v4);
});
