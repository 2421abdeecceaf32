// Found by the differential test: seed 20261160, program p9.
// compiler: CompilerBug: tsbpf compiler bug: 'sub' operand in its result's register (please report it with the probe that caused it) |     at instr (/work/main/compiler/src/backend/emit.ts:87:50) |     at <anonymous> (/work/main/compiler/src/backend/emit.ts:196:7) |     at forEach (native:1:11)
// args p9: 203n, 562n, 64n, 954n
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

test("p9", (ctx) => {
  let v0: i64 = i64(ctx.arg(0));
  let v1: i8 = i8(ctx.arg(1));
  let v2: i16 = i16(ctx.arg(2));
  let v3 = u64(ctx.arg(3));
  const s4: S = { a: u8(u8(38)), b: v2, c: u32(v1), d: (-i64(5962445945934375947n)), e: (v3 / 127n) };
  s4.c ^= (~u32(0xfffffeeb));
  structs.set(144, s4);
  const p5 = structs.get(144);
  if (p5 !== undefined) {
    p5.a = p5.a | (u8(23) - u8(136));
    v2 += p5.b;
  }
  let v6: i8 = (u16(v1) === (u16(0x7430) - u16(v0)) ? i8((i32(711) | i32(0x222))) : ((v1 + 0x70) << i8(i8(v2))));
  if ((u32(350) >= u32(v1) || u8(0xff) === 71)) {
    lows.record(u64(v2), 144);
    switch ((i16(549) >= v2 ? v2 : v2)) {
      case 5: {
        out.set(144, u64(((u8(0x0) & u8(127)) - (u16(0) >= 128 ? u8(21) : u8(10)))));
        break;
      }
      case 1: {
        const v7: u32 = u32((v0 >> (i64(-22n) + v0)));
        break;
      }
      case 7: {
        const s8: S = { a: (u8(63) / u8(0)), b: (i16(0) ^ i16(-28034)), c: u32(v1), d: (i32(-271) !== i32(-1593414428) ? v0 : i64(v3)), e: v3 };
        s8.a += u8(39);
        structs.set(144, s8);
        const p9 = structs.get(144);
        if (p9 !== undefined) {
          p9.e = p9.e + (v3 >> u64(v2));
          out.set(145, u64(p9.c));
        }
        // falls through
      }
      default: {
        let v10: u64 = ((v6 !== i8(v0) || i32(v1) >= i32(v2)) ? ((u64(35184372088832n) / v3) + (v3 - v3)) : u64(u64(1073741824n)));
      }
    }
    if (((i32(-2147483648) === i32(256) || i64(128n) >= v0) && i16(-46) > -298)) {
      vals.delete(144);
    } else {
      v6 &= ((u8(0x0) >= u8(v2) || i16(v1) > 989) ? (v6 >> v1) : (i16(v0) === i16(18) ? i8(v3) : v6));
      vals.set(144, ((v3 << 0x7n) ^ (v3 + v3)));
      const q11 = vals.get(144);
      if (q11 !== undefined) {
        v3 -= (~(v3 ^ v3));
        out.set(146, (q11 + v3));
      }
    }
  } else {
    if (v1 !== v6) {
      v6 = ((v6 % 8) - v6);
      out.set(147, u64(((-i32(0x8)) ^ i32(988))));
      const v12: u16 = (((u16(v1) % u16(v6)) | 32767) + (u16(267) + u16(8)));
    } else {
      vals.set(145, v3);
      const q13 = vals.get(145 + 1);
      if (q13 !== undefined) {
        let v14: i32 = (!(u8(v6) !== u8(196)) ? ((i32(256) | i32(-48)) * (v0 >= v0 ? i32(32768) : i32(-11491297))) : i32(v1));
        out.set(148, q13);
      }
      const v15: u64 = v3;
    }
  }
  switch (i32(0x1a1)) {
    case 4: {
      highs.record(u64(((u16(v0) ^ u16(897)) + (u16(0x10d) * u16(v6)))), 145);
      break;
    }
    default: {
      lows.record(u64(((u32(v2) <= u32(0x40000000) && u16(v6) > u16(23384)) ? (u64(1073741824n) + u64(940n)) : (u64(0xffffffffffffff45n) + v3))), 145);
    }
  }
  let v16: u64 = (u64((~v3)) % 3n);
  for (let k17: u32 = 0; k17 < 5; k17 += 1) {
    if (v1 < -11) continue;
    switch ((i32(256) * i32(-233))) {
      case 6: {
        const v18: u16 = (u16(0xd058) * u16(3));
        break;
      }
      case 0x1: {
        out.set(149, u64(i32(-111)));
        break;
      }
      default: {
        out.set(150, u64(i32(v1)));
      }
    }
  }
  for (let k19: u32 = 0; k19 <= 2; k19 += 2) {
    let v20: u8 = u8(255);
    switch ((~i16(v6))) {
      case 0x3: {
        out.set(151, u64(i32(v6)));
        break;
      }
      case 4: {
        out.set(152, u64(((i32(8) ^ i32(2147483647)) * (-i32(0)))));
        break;
      }
      default: {
        out.set(153, u64((~u64(i32(647)))));
      }
    }
    switch (i32(-223)) {
      case 4: {
        out.set(154, u64((u64(i32(0)) << (v16 + v16))));
        // falls through
      }
      case 0x1: {
        out.set(155, u64(((~u16(65405)) - (u16(65256) % u16(63)))));
        break;
      }
      case 3: {
        out.set(156, u64(v6));
        break;
      }
      default: {
        out.set(157, u64(((v1 - i8(0)) - 64)));
      }
    }
  }
  v2 *= v2;
  out.set(158, u64(v0));
  return u64(v2);
});
