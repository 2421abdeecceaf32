// Found by the differential test: seed 20261130, program p29.
// map out[467]: kernel "26n", simulator "48n"
// args p29: 127n, 18446744073709551386n, 4294967295n, 18446744073709551554n
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

test("p29", (ctx) => {
  let v0: i8 = i8(ctx.arg(0));
  let v1: i8 = i8(ctx.arg(1));
  let v2: u32 = u32(ctx.arg(2));
  const v3: u32 = u32(ctx.arg(3));
  highs.record(u64(i64(0x221n)), 464);
  if ((i32(2) + 7) > 866) {
    highs.record(u64(i64(-262n)), 464);
    if ((u8(154) ^ u8(31)) === (~u8(0x4b))) {
      vals.set(465, u64(7n));
      const q4 = vals.get(465 + 1);
      if (q4 !== undefined) {
        v0 -= (v2 === 769 ? v1 : (v1 * v1));
        out.set(464, q4);
      }
      let v5: i32 = (~i32(0));
    }
  } else {
    const s6: S = { a: (u8(v3) + u8(0x0)), b: (i16(-9147) | 256), c: (~v2), d: (i64(v1) + i64(2823318198039487747n)), e: u64(18446744073709551598n) };
    s6.d += (i64(283n) & i64(v1));
    structs.set(464, s6);
    const p7 = structs.get(464);
    if (p7 !== undefined) {
      p7.d = p7.d + (i64(0xffffffffn) - i64(63n));
      out.set(465, u64(p7.e));
    }
  }
  let v8: i32 = i32(-510625999);
  vals.set(466, (u64(0xffffffffffffff3fn) & u64(v1)));
  const q9 = vals.get(466);
  if (q9 !== undefined) {
    vals.set(466, ((q9 - 18446744073709551594n) % 65535n));
    const q10 = vals.get(466);
    if (q10 !== undefined) {
      lows.record(u64((v8 - (-v8))), 464);
      out.set(466, u64(i16(v1)));
    }
    out.set(467, q9);
  }
  v8 -= (-(v8 - v8));
  const v11: u8 = u8(255);
  if (v11 > (u8(0) % v11)) {
    v0 *= ((-i8(1)) | (-i8(v3)));
    const s12: S = { a: (~v11), b: (i16(0x1) & i16(-71)), c: (v2 << v2), d: i64(v3), e: u64(332n) };
    s12.a *= (~v11);
    structs.set(465, s12);
    const p13 = structs.get(465);
    if (p13 !== undefined) {
      p13.d = p13.d - i64(29n);
      v2 += p13.c;
    }
  }
  switch (i32(580274238)) {
    case 7: {
      out.set(468, u64(u8((v1 + i8(0)))));
      break;
    }
    default: {
      for (let k14: u32 = 0; k14 <= 1; k14++) {
        out.set(469, u64(((~v8) | (i32(v2) - 0))));
        out.set(470, u64(((-v8) - 984260820)));
        out.set(471, u64(i64(4294967295n)));
      }
    }
  }
  const v15: i64 = (i64(3128278689654854836n) - (-(v11 < u8(50) ? i64(67108864n) : i64(159n))));
  let v16: i16 = i16(0);
  switch (v16) {
    case 0: {
      v0--;
      // falls through
    }
    case 3: {
      for (let k17: u32 = 0; k17 < 3; k17++) {
        out.set(472, u64(v0));
        out.set(473, u64(i64(0x7fn)));
      }
      break;
    }
    default: {
      switch ((v11 % v11)) {
        case 5: {
          out.set(474, u64((u64(12606896406347416200n) << (u64(32767n) + u64(v16)))));
          // falls through
        }
        default: {
          out.set(475, u64((~(v2 & v3))));
        }
      }
    }
  }
  out.set(476, u64(v0));
  out.set(477, u64(v1));
  out.set(478, u64(v2));
  return u64(v3);
});
