// Found by the differential test: seed 20261140, program p41.
// map out[660]: kernel "29200n", simulator "18446744073709084415n"
// args p41: 64n, 15533754363765754898n, 35184372088832n, 33554432n
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
  let v0: u8 = u8(ctx.arg(0));
  const v1 = i16(ctx.arg(1));
  const v2 = u16(ctx.arg(2));
  let v3 = i8(ctx.arg(3));
  const s4: S = { a: u8(8), b: i16(u32(v1)), c: u32(v1), d: i64(v0), e: u64(465n) };
  s4.a = u8(255);
  structs.set(656, s4);
  const p5 = structs.get(656);
  if (p5 !== undefined) {
    p5.d = p5.d - (i64(-164n) % i64(v0));
    v0 += p5.a;
  }
  let v6: u32 = ((u32(v1) << u32(128)) ^ (~u32(v0)));
  vals.set(656, (u64(v6) & (u64(255n) - u64(738n))));
  const q7 = vals.get(656);
  if (q7 !== undefined) {
    vals.set(656, (~(q7 << 4n)));
    const q8 = vals.get(656);
    if (q8 !== undefined) {
      if ((i64(q7) + 0x1f0n) < (i64(32n) - i64(v1))) {
        v6 |= v6;
        out.set(656, u64(i64(i64(v3))));
      } else {
        vals.set(656, u64(0xb84c1d33c15ac72bn));
        const q9 = vals.get(656);
        if (q9 !== undefined) {
          let v10: i32 = (i32(-173) & ((v2 < 0x0 || i64(3n) !== 0n) ? i32(v3) : i32(q7)));
          out.set(657, (q7 / 7n));
        }
        v0--;
        const s11: S = { a: v0, b: (v1 - v1), c: v6, d: i64(750n), e: (~u64(v3)) };
        s11.d ^= i64(v1);
        structs.set(657, s11);
        const p12 = structs.get(657);
        if (p12 !== undefined) {
          p12.b = p12.b | i16(0);
          out.set(658, u64(p12.d));
        }
      }
      out.set(659, u64(v2));
    }
    out.set(660, (v0 >= 197 ? u64(0xffffffffffffff82n) : q7));
  }
  const v13: i16 = (-((v0 === v0 && v6 >= v6) ? (v1 - -1) : i16(879)));
  sums.add(u64((~u16(i64(6633599626173650554n)))), 656);
  v6 &= ((v6 << u32(0)) ^ 913);
  v3++;
  if (v6 <= 994) {
    lows.record(u64(((v13 / -31190) << (i16(v0) >> v13))), 657);
    let v14: i16 = ((v1 - (~v13)) - 0);
  } else {
    for (let k15: u32 = 0; k15 < 2; k15++) {
      if ((~v2) < u16(u64(32767n))) {
        const v16: i32 = i32(2048);
        v3++;
      } else {
        hist.record(u64((u16(35497) ^ 0x127)), 656);
      }
    }
    for (let k17: u32 = 0; k17 < 3; k17++) {
      let v18: i32 = ((~i32(-2147483648)) >> (~(i32(v1) - -157)));
      switch ((v0 * v0)) {
        case 3: {
          out.set(661, u64(u64(0x8000n)));
          break;
        }
        default: {
          const v19: u8 = v0;
        }
      }
      out.set(662, u64((-v1)));
    }
    if ((i32(-127) & i32(v2)) !== i32(u64(4294967295n))) {
      switch ((u32(0x165) << v6)) {
        case 0x1: {
          v6 *= ((v6 + v6) >> 0);
          break;
        }
        default: {
          v3 >>= v3;
        }
      }
      out.set(663, u64(((i64(v6) ^ i64(0x1n)) + (i64(v13) / i64(v6)))));
      let v20: u64 = u64(v6);
    }
  }
  out.set(664, u64(v0));
  out.set(665, u64(v1));
  out.set(666, u64(v2));
  out.set(667, u64(v3));
  out.set(668, u64(v6));
  out.set(669, u64(v13));
  return u64(v2);
});
