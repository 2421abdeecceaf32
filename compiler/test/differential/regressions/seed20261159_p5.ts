// Found by the differential test: seed 20261159, program p5.
// map out[81]: kernel "9223372036854776176n", simulator "9223372036854776795n"
// args p5: 32n, 64n, 10933798976918449135n, 255n
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

test("p5", (ctx) => {
  const v0 = u16(ctx.arg(0));
  let v1 = i32(ctx.arg(3));
  hist.record(u64((v0 << (u16(256) - 112))), 80);
  let v2: u64 = ((!(u8(233) <= u8(255)) && (u16(3) !== 0x0 || i64(-5264218068261985435n) <= 7n)) ? (u64(15896017344726472078n) * 0x2a0n) : ((u64(127n) - u64(18446744073709551493n)) + (u64(v1) + u64(0xfffffffffffffed7n))));
  const v3: i16 = (i16(0x31c) * (i16(v1) + (i16(v1) * -17917)));
  vals.set(81, u64(58n));
  const q4 = vals.get(81 + 1);
  if (q4 !== undefined) {
    v1 >>= v1;
    out.set(80, (u32(4294967108) === u32(492) ? q4 : v2));
  }
  vals.set(80, ((u64(v1) << u64(v1)) | 310n));
  const q5 = vals.get(80);
  if (q5 !== undefined) {
    vals.set(80, ((q5 * u64(4n)) + (~q5)));
    const q6 = vals.get(80 + 1);
    if (q6 !== undefined) {
      v2 &= (~(~q6));
      out.set(81, (q6 + q5));
    }
    out.set(82, v2);
  }
  v1 %= ((-v1) + v1);
  v2 -= (v2 - v2);
  let v7: u64 = (v2 % 0x80n);
  sums.add(u64(((v1 / v1) * -1745281958)), 81);
  let v8: i64 = (-((i64(31n) + i64(-237n)) * (~i64(428221619168308192n))));
  out.set(83, u64(v0));
  out.set(84, u64(v1));
  out.set(85, u64(v2));
  out.set(86, u64(v3));
  out.set(87, u64(v7));
  out.set(88, u64(v8));
  return u64(v0);
});
