// Found by the differential test: seed 20261148, program p46.
// map out[737]: kernel "18446744073709551044n", simulator "32482n"
// args p46: 18446744073709551330n, 8n, 63n, 32768n
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

test("p46", (ctx) => {
  let v0 = u64(ctx.arg(0));
  const v1: u32 = u32(ctx.arg(2));
  const v2 = u16(ctx.arg(3));
  if (!((v2 <= 0 && i32(v0) > i32(2016194291)))) {
    if ((i16(-27408) / i16(-1)) !== i16(-66)) {
      let v3: u64 = v0;
    } else {
      if (i8(-1) < (i8(0x6c) << i8(81))) {
        v0 += u64((~i8(v1)));
        const s4: S = { a: (u8(v1) + u8(v2)), b: (~i16(255)), c: (u32(14) - v1), d: i64(i32(v2)), e: (v0 - v0) };
        s4.d = (i64(5841157935409180326n) - i64(0x1n));
        structs.set(736, s4);
        const p5 = structs.get(736);
        if (p5 !== undefined) {
          p5.a = p5.a | u8(i32(0));
          v0 += p5.e;
        }
        const s6: S = { a: (~u8(167)), b: (i16(v2) - i16(-292)), c: u32(i8(-113)), d: (~i64(512n)), e: u64(u8(v1)) };
        s6.e = v0;
        structs.set(736, s6);
        const p7 = structs.get(736);
        if (p7 !== undefined) {
          p7.a = p7.a + (i64(v2) < 2147483648n ? u8(v0) : u8(0));
          out.set(736, u64(p7.b));
        }
      }
    }
    for (let k8: u32 = 0; k8 <= 2; k8++) {
      lows.record(u64(((v0 | u64(18446744073709551337n)) ^ (i16(v2) < -77 ? u64(278n) : u64(v1)))), 736);
    }
    switch ((~v1)) {
      case 0x2: {
        v0 /= v0;
        break;
      }
      default: {
        vals.set(737, (~(~v0)));
        const q9 = vals.get(737);
        if (q9 !== undefined) {
          vals.set(737, u64(v2));
          const q10 = vals.get(737);
          if (q10 !== undefined) {
            vals.delete(738);
            out.set(737, (q9 + v0));
          }
          out.set(738, (i32(32) > i32(v2) ? q9 : u64(64n)));
        }
      }
    }
  } else {
    for (let k11: u32 = 0; k11 <= 1; k11++) {
      lows.record(u64((i16(256) + (i16(v0) >> i16(-1)))), 737);
    }
    lows.record(u64((i64(u8(v0)) + i64(4096n))), 736);
  }
  const v12: u32 = v1;
  v0 -= (v0 >> 2n);
  v0 &= (~(~v0));
  const v13: i16 = (i16(v0) ^ 4588);
  v0--;
  let v14: u16 = v2;
  if ((u16(255) ^ 0) === u16(64)) {
    let v15: i8 = (~((i8(103) * i8(v1)) >> i8(i8(0))));
    for (let k16: u32 = 0; k16 < 6; k16++) {
      for (let k17: u32 = 0; k17 < 1; k17++) {
        const v18: i8 = (((v15 + i8(0)) + (v13 >= v13 ? i8(2) : i8(-63))) << ((v15 - 0x1f) + (v15 ^ i8(0x0))));
        out.set(739, u64(v14));
        out.set(740, u64((~i32(v0))));
      }
      switch ((u8(0) ^ u8(127))) {
        case 3: {
          let v19: u16 = v14;
          break;
        }
        case 0: {
          out.set(741, u64(k16));
          // falls through
        }
        case 1: {
          v14 |= ((~v14) * (v14 === v14 ? v14 : v2));
          // falls through
        }
        default: {
          out.set(742, u64(((i32(-59) / i32(1889341480)) & i32(i16(0)))));
        }
      }
    }
    if (v13 >= v13) {
      if ((u8(16) === u8(0x7f) && i64(0x7fffffffn) > i64(488n))) {
        let v20: i16 = ((~(i16(-2) - v13)) - ((v14 === 9432 ? v13 : v13) + 2));
        out.set(743, u64(((u8(v20) - u8(0)) / u8(v1))));
        let v21: i16 = (v20 << (v20 - i16(816)));
      } else {
        let v22: u32 = v12;
      }
    }
  } else {
    switch ((u8(72) | u8(0x22))) {
      case 0x2: {
        let v23: i8 = ((i8(0x59) >> (i8(0) - i8(0x20))) * 0);
        break;
      }
      default: {
        const v24: u8 = (~u8(v12));
      }
    }
  }
  out.set(744, u64(v0));
  out.set(745, u64(v1));
  out.set(746, u64(v2));
  out.set(747, u64(v12));
  out.set(748, u64(v13));
  out.set(749, u64(v14));
  return u64(v13);
});
