// Found by the differential test: seed 20261151, program p36.
// p36: the verifier rejected it: diff_20261151.ts:2625:17:  /     out.set(590, u64(((i8(v1) | i8(-55)) % (i8(v0) / i8(0))))); /   The verifier rejected program 'p36' at instruction 435: div by zero [EINVAL]
// args p36: 0n, 18162420903065324237n, 127n, 18046876494423925096n
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

test("p36", (ctx) => {
  let v0: i64 = i64(ctx.arg(0));
  let v1 = i32(ctx.arg(1));
  vals.delete(577);
  if ((i8(-1) << 1) >= 7) {
    v1 /= v1;
    hist.record(u64(u16(0)), 576);
  } else {
    const v2: u32 = u32(u8(144));
    if ((~v1) <= (u8(v1) <= u8(149) ? i32(-464507225) : v1)) {
      if ((i32(0x649687a3) ^ 16384) > (i32(v0) >> i32(-198))) {
        out.set(576, u64(i8(8)));
        v1 ^= (i32(0x1f) % (i32(-274) << 7));
      } else {
        const s3: S = { a: (u8(255) + 71), b: (i16(v2) | i16(0)), c: (u16(v1) !== u16(65535) ? u32(4294967294) : v2), d: i64(127n), e: (~u64(v0)) };
        s3.a += u8(v2);
        structs.set(576, s3);
        const p4 = structs.get(576);
        if (p4 !== undefined) {
          p4.a = p4.a - u8(0);
          out.set(577, u64(p4.b));
        }
        v0 = (i64(562949953421312n) < v0 ? (v0 - 433n) : i64(u8(255)));
        vals.delete(576);
      }
    }
    highs.record(u64((~(u8(v2) > u8(0x7) ? v1 : v1))), 576);
  }
  if (i32(2) >= (i32(8) % v1)) {
    const s5: S = { a: u8(u8(v1)), b: (i16(v1) | i16(0x1f)), c: (u64(127n) < u64(v0) ? u32(0x40) : u32(v1)), d: v0, e: u64(v1) };
    s5.c = (u64(562949953421312n) === u64(18446744073709551371n) ? u32(991) : u32(v1));
    structs.set(577, s5);
    const p6 = structs.get(577);
    if (p6 !== undefined) {
      p6.e = p6.e - (u64(v0) | u64(563n));
      out.set(578, u64(p6.e));
    }
    vals.set(577, u64(16777216n));
    const q7 = vals.get(577);
    if (q7 !== undefined) {
      hist.record(u64(i16(539)), 576);
      out.set(579, u64(0xffffffffffffff66n));
    }
    const v8: u64 = (~u64(2n));
  } else {
    v0 %= ((i8(-84) < i8(126) ? v0 : i64(2147483648n)) >> (v1 === 127 ? v0 : v0));
    v0 ^= (-(v0 & v0));
  }
  switch ((-v1)) {
    case 1: {
      if ((v1 + i32(v0)) > i32(0)) {
        out.set(580, u64(u8((u16(10485) >> u16(744)))));
      } else {
        out.set(581, u64(((i16(4096) & i16(v1)) >> i16(u8(0)))));
        out.set(582, u64(i8(v0)));
      }
      break;
    }
    case 4: {
      if ((~u64(18446744073709551407n)) >= (u8(0x40) <= u8(0xe2) ? u64(v1) : u64(180n))) {
        const v9: i16 = i16(512);
      }
      break;
    }
    default: {
      switch ((u8(v0) - u8(v1))) {
        case 6: {
          v1 ^= v1;
          break;
        }
        default: {
          out.set(583, u64(i8(3)));
        }
      }
    }
  }
  switch ((~u8(v1))) {
    case 2: {
      switch ((u8(211) ^ u8(v0))) {
        case 1: {
          out.set(584, u64((u8(v1) > u8(0x20) ? v0 : v0)));
          break;
        }
        case 5: {
          out.set(585, u64(((i16(438) / 0) / -11)));
          break;
        }
        default: {
          out.set(586, u64((i32(u16(0)) + 0x7f)));
        }
      }
      // falls through
    }
    case 4: {
      for (let k10: u32 = 0; k10 <= 1; k10++) {
        v0 >>= (v0 >> (v0 - i64(0x3n)));
        let v11: u64 = (u64(128n) - (i16(-16996) > i16(255) ? u64(v0) : (u64(0x199n) / u64(v0))));
        v11 = (u16(0) === 3 ? (u64(v0) >= v11 ? u64(0x20000n) : v11) : (i8(111) < i8(0) ? v11 : v11));
      }
      break;
    }
    default: {
      for (let k12: u32 = 0; k12 < 1; k12++) {
        out.set(587, u64((~k12)));
        out.set(588, u64((i16(-28577) % (i16(0x1e9) ^ i16(0)))));
      }
    }
  }
  for (let k13: u32 = 0; k13 <= 3; k13 += 1) {
    v1 /= ((v1 > v1 || i32(0x7fffffff) > i32(1)) ? v1 : (v1 * i32(-219)));
    for (let k14: u32 = 0; k14 < 5; k14 += 2) {
      if (!(i32(0x71) < -247)) {
        out.set(589, u64(((~k13) - (k13 % k14))));
        out.set(590, u64(((i8(v1) | i8(-55)) % (i8(v0) / i8(0)))));
      } else {
      }
      switch (k13) {
        case 5: {
          let v15: u16 = (u16(7) + u16(849));
          // falls through
        }
        default: {
        }
      }
      switch ((~v1)) {
        case 1: {
          v1 /= ((-v1) * (v1 | v1));
          // falls through
        }
        case 0: {
          v0 -= v0;
          break;
        }
        case 6: {
          v0 += (-(v0 << v0));
          break;
        }
        default: {
        }
      }
    }
    v1++;
  }
  switch (u32(3)) {
    case 3: {
      let v16: i16 = (i16(-33) + ((i64(16n) >= i64(v1) ? i16(-32768) : i16(-247)) & (i16(7904) & i16(-228))));
      break;
    }
    default: {
      for (let k17: u32 = 0; k17 < 4; k17++) {
        let v18: u64 = u64(11521179098516785965n);
      }
    }
  }
  return u64(v1);
});
