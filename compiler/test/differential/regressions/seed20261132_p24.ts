// Found by the differential test: seed 20261132, program p24.
// compiler: CompilerBug: tsbpf compiler bug: 'sub' operand in its result's register (please report it with the probe that caused it) |     at instr (/work/main/compiler/src/backend/emit.ts:87:50) |     at <anonymous> (/work/main/compiler/src/backend/emit.ts:196:7) |     at forEach (native:1:11)
// args p24: 8865653597265210437n, 72057594037927936n, 18446744073709551428n, 4294967295n
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
  const v0 = i8(ctx.arg(0));
  const v1: u8 = u8(ctx.arg(1));
  const v2 = u32(ctx.arg(2));
  let v3: i16 = i16(v2);
  let v4: i8 = (v2 !== v2 ? (v0 >> 3) : i8(u16(65374)));
  v3 += i16(31);
  v4 &= ((-v0) | (-v4));
  v4 ^= (i8(i64(218n)) | -45);
  let v5: i64 = i64(v2);
  const s6: S = { a: u8(v0), b: v3, c: v2, d: (v5 - v5), e: u64(v0) };
  s6.c = (u16(v3) < 65491 ? v2 : u32(4294967185));
  structs.set(385, s6);
  const p7 = structs.get(385);
  if (p7 !== undefined) {
    p7.c = p7.c * (~v2);
    out.set(384, u64(p7.c));
  }
  let v8: i64 = ((~(i32(2) <= i32(-238) ? v5 : v5)) + v5);
  v8--;
  vals.set(384, ((u64(v4) & u64(3586016213137631656n)) % u64(7n)));
  const q9 = vals.get(384 + 1);
  if (q9 !== undefined) {
    for (let k10: u32 = 0; k10 < 6; k10 += 2) {
      v3 = ((v3 % 32) - v3);
      for (let k11: u32 = 0; k11 < 4; k11++) {
        v4 -= ((i8(-108) % -7) / -49);
        v4 /= (-(v0 * -125));
      }
      v8 += ((v5 % v5) / v8);
    }
    out.set(385, (q9 - q9));
  }
  let v12: i8 = ((u32(8192) !== 254 ? (v4 >> v0) : v0) % 7);
  out.set(386, u64(v0));
  out.set(387, u64(v1));
  out.set(388, u64(v2));
  out.set(389, u64(v3));
  out.set(390, u64(v4));
  out.set(391, u64(v5));
  out.set(392, u64(v8));
  out.set(393, u64(v12));
  return u64(v2);
});
