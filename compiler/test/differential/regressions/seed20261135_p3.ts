// Found by the differential test: seed 20261135, program p3.
// compiler: CompilerBug: tsbpf compiler bug: 'sub' operand in its result's register (please report it with the probe that caused it) |     at instr (/work/main/compiler/src/backend/emit.ts:87:50) |     at <anonymous> (/work/main/compiler/src/backend/emit.ts:196:7) |     at forEach (native:1:11)
// args p3: 1428179563652474615n, 18446744073709551496n, 18446744073709551578n, 18446744073709551378n
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

test("p3", (ctx) => {
  let v0: u8 = u8(ctx.arg(2));
  let v1: i16 = i16(ctx.arg(3));
  const s2: S = { a: (~u8(166)), b: (v1 * v1), c: (u32(4294967102) >> u32(v0)), d: (i64(63n) % i64(3n)), e: (u64(3n) & u64(2n)) };
  s2.c ^= (u32(v0) % u32(0x7f));
  structs.set(49, s2);
  const p3 = structs.get(49);
  if (p3 !== undefined) {
    p3.a = p3.a | (v0 * v0);
    v1 += p3.b;
  }
  lows.record(u64((~(u16(386) - u16(v0)))), 49);
  v1--;
  let v4: u16 = (((u32(2147483648) !== u32(v0) && u16(0x9e) !== u16(65410)) ? (u16(v1) >> u16(31)) : u16(u32(201))) ^ ((u16(0x2ce) >> u16(v0)) ^ (~u16(20773))));
  if ((u16(65470) | 8001) >= v4) {
    v4 = ((~v4) - v4);
    if (u32(0) >= u32(0x31)) {
      const v5: u64 = (u64(4398046511104n) - u64(0x100000000000n));
      const v6: i32 = ((i32(v4) % 128) & i32((i64(2n) + i64(0x2d82354341b4c913n))));
      vals.set(49, (~(v5 + v5)));
      const q7 = vals.get(49);
      if (q7 !== undefined) {
        let v8: i8 = (i8(86) + 127);
        out.set(48, (q7 * v5));
      }
    }
  } else {
    const s9: S = { a: v0, b: v1, c: (~u32(v0)), d: i64(-4224484061127659545n), e: (u64(18446744073709551537n) % 18446744073709551338n) };
    s9.b ^= i16(u32(201));
    structs.set(48, s9);
    const p10 = structs.get(48);
    if (p10 !== undefined) {
      p10.b = p10.b + (v1 * v1);
      out.set(49, u64(p10.e));
    }
    vals.delete(48);
    v0 *= u8(39);
  }
  let v11: u8 = v0;
  const v12: i8 = i8(-31);
  out.set(50, u64(v0));
  out.set(51, u64(v1));
  out.set(52, u64(v4));
  out.set(53, u64(v11));
  out.set(54, u64(v12));
  return u64(v1);
});
