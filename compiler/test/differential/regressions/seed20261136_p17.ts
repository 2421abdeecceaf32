// Found by the differential test: seed 20261136, program p17.
// p17: the verifier rejected it: diff_20261136.ts:1112:44:  /     let v10: i8 = (((v0 & i8(-1)) + (v7 % i8(v4))) - ((-i8(63)) >> (i8(0) * v7))); /   The verifier rejected program 'p17' at instruction 57: div by zero [EINVAL]
// args p17: 11463359864928852394n, 127n, 65536n, 256n
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

test("p17", (ctx) => {
  let v0: i8 = i8(ctx.arg(0));
  const v1 = i64(ctx.arg(1));
  let v2: i64 = i64(ctx.arg(2));
  let v3: u16 = u16(ctx.arg(3));
  let v4: i16 = i16(0);
  for (let k5: u32 = 0; k5 < 3; k5++) {
    lows.record(u64(((~u8(0)) >> 0x2)), 273);
    let v6: i16 = ((-v4) % (v4 - v4));
  }
  let v7: i8 = v0;
  let v8: i64 = v2;
  let v9: u32 = ((u32(v8) & u32(2792312379)) - (!(v0 < v7) ? (u64(255n) === 988n ? u32(0) : u32(150)) : u32(0xe9)));
  let v10: i8 = (((v0 & i8(-1)) + (v7 % i8(v4))) - ((-i8(63)) >> (i8(0) * v7)));
  let v11: u32 = u32(((u8(1) + u8(162)) * u8(0x9f)));
  v10++;
  if ((-v4) < 32767) {
    const s12: S = { a: u8(v0), b: i16(v1), c: (u32(824) % u32(0)), d: v2, e: u64(18446744073709551554n) };
    s12.b += (v4 | i16(-32768));
    structs.set(273, s12);
    const p13 = structs.get(273);
    if (p13 !== undefined) {
      p13.c = p13.c + (u32(31) * v9);
      v4 += p13.b;
    }
    v7 &= i8(v2);
  } else {
    const v14: i16 = (((v4 & v4) % 18715) - i16(v9));
    switch (i32(-1449187676)) {
      case 2: {
        let v15: i64 = ((-i64(v14)) ^ 0x2e3n);
        // falls through
      }
      case 3: {
        let v16: u64 = (u64(255n) & ((v7 !== v0 || i32(32) <= i32(v0)) ? u64(9007199254740992n) : (~u64(567n))));
        break;
      }
      case 4: {
        v9 >>= v11;
        break;
      }
      default: {
        out.set(272, u64(u8(222)));
      }
    }
    for (let k17: u32 = 0; k17 < 6; k17++) {
      const v18: u8 = u8(v1);
    }
  }
  for (let k19: u32 = 0; k19 <= 4; k19++) {
    v0 += ((i8(0) ^ 26) + v7);
    let v20: i64 = (-i64((~i32(0x8482e30))));
    if (k19 !== (~v11)) {
      sums.add(u64(u64((v0 % v0))), 273);
      v8 ^= ((i64(-7427817339761353728n) << v8) - (i64(-266n) < v8 ? v8 : i64(-232n)));
    }
  }
  out.set(273, u64(v0));
  out.set(274, u64(v1));
  out.set(275, u64(v2));
  out.set(276, u64(v3));
  out.set(277, u64(v4));
  out.set(278, u64(v7));
  out.set(279, u64(v8));
  out.set(280, u64(v9));
  out.set(281, u64(v10));
  out.set(282, u64(v11));
  return u64(v0);
});
