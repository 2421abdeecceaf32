// Found by the differential test: seed 20261121, program p17.
// compiler: CompilerBug: tsbpf compiler bug: 'div' operand in its result's register (please report it with the probe that caused it) |     at instr (/work/main/compiler/src/backend/emit.ts:87:50) |     at <anonymous> (/work/main/compiler/src/backend/emit.ts:196:7) |     at forEach (native:1:11)
// args p17: 524288n, 12755065465391916955n, 8895908158017536222n, 4288833826359895379n
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
  let v0 = u16(ctx.arg(0));
  const v1 = i32(ctx.arg(1));
  let v2 = u8(ctx.arg(2));
  v2 ^= (i64(-126n) > 255n ? (v2 & 215) : (~v2));
  for (let k3: u32 = 0; k3 < 3; k3++) {
    let v4: u8 = (~((u8(1) | u8(255)) / 0));
  }
  v0 += (u16(0) + (v0 ^ 21078));
  if ((u32(4294967221) & u32(v0)) === (u16(37955) > u16(v1) ? u32(0) : u32(412))) {
    const v5: i32 = ((v1 >> i32(-1)) + 128);
    highs.record(u64(u32((u64(v1) / u64(v0)))), 272);
    if ((i64(4294967295n) << 3n) <= (-i64(4294967296n))) {
      if ((~i64(549755813888n)) >= (i64(234410840699534431n) << i64(v5))) {
        const s6: S = { a: (v0 >= v0 ? v2 : v2), b: i16(0xff), c: u32(v5), d: i64(v1), e: (u64(8796093022208n) % u64(v5)) };
        s6.e ^= (u64(32768n) >> u64(8192n));
        structs.set(273, s6);
        const p7 = structs.get(273);
        if (p7 !== undefined) {
          p7.a = p7.a + u8(u64(4294967295n));
          out.set(272, u64(p7.d));
        }
        v0 ^= (~v0);
        v2 += (i16(v5) !== i16(11522) ? u8(98) : (v2 | v2));
      } else {
        lows.record(u64(v5), 273);
        const s8: S = { a: (v2 - 40), b: i16(-207), c: (u32(v5) * 256), d: i64(-187n), e: (i32(v2) >= i32(v2) ? u64(v2) : u64(v0)) };
        s8.d ^= (-i64(v0));
        structs.set(273, s8);
        const p9 = structs.get(273);
        if (p9 !== undefined) {
          p9.e = p9.e * u64(v5);
          out.set(273, u64(p9.d));
        }
      }
    } else {
      vals.set(273, u64(12672770739056505421n));
      const q10 = vals.get(273);
      if (q10 !== undefined) {
        vals.delete(272);
        out.set(274, (q10 ^ 31n));
      }
    }
  } else {
    vals.set(274, u64(255n));
    const q11 = vals.get(274 + 1);
    if (q11 !== undefined) {
      if (i32(-1477767948) !== (i32(v0) + 0)) {
        v2--;
        let v12: i32 = (((i32(q11) < v1 ? i32(0x2) : v1) ^ (v1 - v1)) ^ ((~i32(v0)) + (v1 >> 0x0)));
        let v13: i32 = (i32((u32(v1) - 898)) + ((v12 - v1) >> 3));
      } else {
        sums.add(u64(((i32(2147483647) >> 2) * i32(u8(8)))), 273);
        v0 |= (~v0);
      }
      out.set(275, q11);
    }
  }
  switch (v2) {
    case 0x2: {
      switch (i16(v0)) {
        case 0x0: {
          out.set(276, u64(((~u64(13271680940068495485n)) | 10337537511062444986n)));
          break;
        }
        default: {
          v0 ^= ((~v0) << 6);
        }
      }
      break;
    }
    case 0x4: {
      let v14: i8 = ((-i8(u8(0))) % ((i8(0x79) + 0) - (i8(0) ^ 105)));
      break;
    }
    case 5: {
      let v15: u32 = u32(v2);
      break;
    }
    default: {
      for (let k16: u32 = 0; k16 <= 5; k16++) {
        let v17: u8 = ((i16(0x0) === -159 || v1 >= 2147483647) ? u8((~v1)) : v2);
        v2 += (~(v2 * v17));
      }
    }
  }
  if ((i64(v0) >= i64(65535n) && v1 === v1)) {
    switch (u32(v1)) {
      case 7: {
        out.set(277, u64(u16(v1)));
        break;
      }
      case 2: {
        v2 += u8(v0);
        break;
      }
      default: {
        v0 = ((~v0) / v0);
      }
    }
    let v18: u16 = (v0 + ((~v0) ^ (v0 + v0)));
  } else {
    switch (u32(8)) {
      case 6: {
        v2 |= (~(v2 + v2));
        break;
      }
      case 1: {
        const v19: i64 = i64(562949953421312n);
        break;
      }
      default: {
        out.set(278, u64(i8((v2 !== v2 ? u64(v1) : u64(181n)))));
      }
    }
    switch ((~i16(0))) {
      case 0x3: {
        v0 %= ((v0 + v0) - 605);
        // falls through
      }
      case 5: {
        out.set(279, u64((u64(64n) * (u64(v2) - u64(18446744073709551552n)))));
        break;
      }
      default: {
        out.set(280, u64(v2));
      }
    }
    const v20: i32 = v1;
  }
  out.set(281, u64(v0));
  out.set(282, u64(v1));
  out.set(283, u64(v2));
  return u64(v0);
});
