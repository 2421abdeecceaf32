// Found by the differential test: seed 20261134, program p45.
// p45: the verifier rejected it: diff_20261134.ts:3424:40:  /     highs.record(u64(((i16(-134) ^ i16(v0)) / (i32(28) < i32(127) ? i16(0) : i16(5)))), 720); /   The verifier rejected program 'p45' at instruction 77: div by zero [EINVAL]
// args p45: 18446744073709551341n, 817n, 625n, 2147483648n
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

test("p45", (ctx) => {
  const v0: u32 = u32(ctx.arg(0));
  const v1 = i32(ctx.arg(1));
  const s2: S = { a: u8(0x3f), b: (i16(-30875) % i16(v0)), c: u32(u16(65365)), d: i64(v0), e: u64(422n) };
  s2.b *= (i16(0) | -255);
  structs.set(720, s2);
  const p3 = structs.get(720);
  if (p3 !== undefined) {
    p3.a = p3.a * u8(8);
    out.set(720, u64(p3.a));
  }
  if (i32(v0) === 7) {
    const v4: u8 = u8(((v0 / u32(0)) / (u32(0xffffff13) + 4294967198)));
    if ((u64(63n) & 2n) === (u64(0x40000000000n) / u64(18446744073709551615n))) {
      if (!((i8(-1) < i8(7) || i64(788n) > i64(-225n)))) {
        let v5: u8 = (~v4);
        let v6: i64 = i64(-5919682898922615802n);
        v5 >>= ((v5 >> u8(0)) * v4);
      } else {
        const s7: S = { a: v4, b: (i16(v0) - i16(-32768)), c: (i8(v4) === -53 ? v0 : v0), d: i64(i64(v4)), e: (u64(v0) >> u64(v0)) };
        s7.c ^= (v0 >> v0);
        structs.set(720, s7);
        const p8 = structs.get(720);
        if (p8 !== undefined) {
          p8.b = p8.b | (i16(0x100) & i16(127));
          out.set(721, u64(p8.a));
        }
      }
      let v9: i8 = (~((i8(-83) & i8(v0)) * (i8(v1) | -128)));
      v9 *= v9;
    } else {
      if (((v4 >= 0 || u16(v0) <= u16(v4)) && (u64(4294967296n) !== u64(68719476736n) || v4 >= u8(0x0)))) {
        let v10: i32 = (v1 + (i16(0x8) === i16(0x20) ? (v1 / v1) : (~i32(1493961642))));
      } else {
        vals.set(722, ((~u64(v4)) - (u64(0x525c30a965c571can) + 8n)));
        const q11 = vals.get(722 + 1);
        if (q11 !== undefined) {
          const v12: u32 = v0;
          out.set(722, u64(35n));
        }
        vals.set(721, (u64(u64(447n)) & 3n));
        const q13 = vals.get(721);
        if (q13 !== undefined) {
          vals.delete(722);
          out.set(723, (u64(1321754628882525432n) & q13));
        }
        let v14: i16 = i16(0x5864);
      }
      if (((v4 >= u8(v0) || u64(512n) >= u64(4398046511104n)) && u64(1268682647899193643n) <= 0xffffffffffffff88n)) {
        let v15: u32 = (v0 + v0);
      }
    }
  } else {
    sums.add(u64(i8(v0)), 721);
    highs.record(u64(((i16(-134) ^ i16(v0)) / (i32(28) < i32(127) ? i16(0) : i16(5)))), 720);
    switch ((u8(0x0) & u8(64))) {
      case 6: {
        highs.record(u64(((i64(6834013010980593014n) | i64(127n)) - i64(v0))), 721);
        break;
      }
      case 0: {
        out.set(724, u64(u64((u16(65336) ^ u16(32767)))));
        break;
      }
      case 1: {
        out.set(725, u64(i64(u8(167))));
        break;
      }
      default: {
        let v16: i8 = ((i8(v0) ^ i8(91)) << ((i8(v1) / i8(84)) % (i8(42) - i8(-102))));
      }
    }
  }
  const v17: i32 = ((-v1) - ((v1 & v1) % 0));
  switch ((i16(v0) * i16(-211))) {
    case 7: {
      switch (v0) {
        case 3: {
          out.set(726, u64(((v0 + u32(0x1f)) & v0)));
          break;
        }
        case 4: {
          out.set(727, u64(u16(59473)));
          break;
        }
        case 2: {
          out.set(728, u64(i8(0x22)));
          break;
        }
        default: {
          out.set(729, u64((i8(v17) === i8(v0) ? u16(0x171) : (u16(0x80) <= 32 ? u16(v1) : u16(v0)))));
        }
      }
      break;
    }
    case 2: {
      if ((u8(v0) > u8(166) || u32(4294967096) === u32(7))) {
        out.set(730, u64(((-i16(v0)) >> (i16(v17) ^ i16(0)))));
        out.set(731, u64((~(v0 + v0))));
        let v18: i16 = i16(977);
      } else {
        out.set(732, u64(((u64(0x717a30af3d9ee472n) !== 9738908416241575011n ? u64(v17) : u64(v1)) >> 5n)));
      }
      break;
    }
    default: {
      for (let k19: u32 = 0; k19 <= 1; k19++) {
        out.set(733, u64((~u16(i64(v0)))));
        out.set(734, u64((v1 + (v1 & v1))));
      }
    }
  }
  switch ((v0 + v0)) {
    case 1: {
      if ((u16(65535) >= u16(v1) && i8(0) !== i8(-23))) {
        const v20: i16 = (!((i16(v0) >= i16(v17) && i16(v17) < i16(v1))) ? (i16(0) + 0) : i16(14047));
      } else {
        const v21: u16 = (u16(65524) - (~u16(88)));
      }
      // falls through
    }
    default: {
      switch ((~u8(v1))) {
        case 1: {
          break;
        }
        case 2: {
          // falls through
        }
        case 6: {
          break;
        }
        default: {
        }
      }
    }
  }
  return u64(v17);
});
