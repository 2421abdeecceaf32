// Found by the differential test: seed 20261142, program p41.
// compiler: CompilerBug: tsbpf compiler bug: 'div' operand in its result's register (please report it with the probe that caused it) |     at instr (/work/main/compiler/src/backend/emit.ts:87:50) |     at <anonymous> (/work/main/compiler/src/backend/emit.ts:196:7) |     at forEach (native:1:11)
// args p41: 11728645318479326380n, 63n, 63n, 255n
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

test("p41", (ctx) => {
  const v0 = i8(ctx.arg(0));
  const v1: i8 = i8(ctx.arg(1));
  let v2 = i16(ctx.arg(2));
  let v3 = u32(ctx.arg(3));
  switch ((u32(404) + v3)) {
    case 5: {
      switch ((v2 * v2)) {
        case 0: {
          hist.record(u64((~u32(u64(17482855521664640710n)))), 656);
          break;
        }
        case 5: {
          const s4: S = { a: (u8(64) / u8(41)), b: v2, c: (~v3), d: (i64(255n) | i64(6951502150528357593n)), e: (u64(2048n) << u64(0x86n)) };
          s4.e = (~u64(2147483647n));
          structs.set(657, s4);
          const p5 = structs.get(657);
          if (p5 !== undefined) {
            p5.c = p5.c - (v3 << 4);
            out.set(656, u64(p5.d));
          }
          // falls through
        }
        default: {
          hist.record(u64(v1), 656);
        }
      }
      break;
    }
    case 3: {
      if (i32(-1) <= (i32(63) % i32(v2))) {
        v3 *= v3;
        const s6: S = { a: u8(i16(16397)), b: v2, c: (u32(v1) % u32(32)), d: (~i64(65535n)), e: (u64(0x40000000n) << u64(0x179n)) };
        s6.d ^= (u8(v1) > 77 ? i64(v1) : i64(v0));
        structs.set(656, s6);
        const p7 = structs.get(656);
        if (p7 !== undefined) {
          p7.d = p7.d - (i64(v0) | i64(v3));
          out.set(657, u64(p7.d));
        }
        vals.delete(656);
      } else {
        vals.set(658, ((u64(32768n) / u64(18446744073709551607n)) - (u64(v2) - 65535n)));
        const q8 = vals.get(658);
        if (q8 !== undefined) {
          v3 -= (~v3);
          out.set(658, (q8 << 0x1n));
        }
        hist.record(u64(u8(u64(32n))), 657);
        v3 |= (~(v3 * v3));
      }
      // falls through
    }
    default: {
      vals.delete(657);
    }
  }
  if (i32(0xffff) !== i32(v2)) {
    switch ((v2 << v2)) {
      case 2: {
        out.set(659, u64((v3 % u32(4294967146))));
        // falls through
      }
      default: {
        out.set(660, u64((~(v2 + v2))));
      }
    }
    for (let k9: u32 = 0; k9 < 5; k9++) {
      if (i8(-8) < i8(0)) continue;
      let v10: u8 = ((~(~u8(v1))) / 151);
      if ((i64(2147483648n) - i64(327n)) > (-i64(-32n))) {
        const v11: u64 = u64(((~k9) - (~v3)));
        v10 -= (v10 & u8(i64(v2)));
      } else {
        let v12: i8 = i8(v2);
        out.set(661, u64((i64(v1) === i64(4179152379709604414n) ? (i64(0x40n) - i64(k9)) : (i64(-1n) - -263n))));
        let v13: u64 = u64(18446744073709551387n);
      }
    }
  } else {
    for (let k14: u32 = 0; k14 <= 4; k14++) {
      let v15: u64 = u64(128n);
      if ((v15 >> u64(32767n)) !== v15) {
        out.set(662, u64((u16(0xfed8) <= 65436 ? (v1 / i8(v2)) : (v0 % v1))));
        out.set(663, u64(((v3 & u32(v0)) + (i64(1125899906842624n) === i64(536870912n) ? u32(v0) : v3))));
      } else {
        v2 += ((i64(v3) === i64(0n) && i32(939353917) >= i32(v1)) ? (i16(23081) >> 4) : v2);
      }
      let v16: i8 = (~((~v0) | (i8(3) / 26)));
    }
  }
  v3 -= (v3 % (v3 + u32(v1)));
  v2 >>= ((u32(2601677020) === 0x7f ? i16(v1) : v2) / i16(u16(255)));
  for (let k17: u32 = 0; k17 <= 1; k17++) {
    switch ((k17 - u32(2147483647))) {
      case 0: {
        out.set(664, u64(i32(369970315)));
        // falls through
      }
      default: {
        v3 = ((u32(3) % 0) / v3);
      }
    }
    v2--;
    let v18: i32 = (i32(-1) << 6);
  }
  let v19: u64 = ((~u64(i32(v1))) & u64(1024n));
  out.set(665, u64(v0));
  out.set(666, u64(v1));
  out.set(667, u64(v2));
  out.set(668, u64(v3));
  out.set(669, u64(v19));
  return u64(v1);
});
