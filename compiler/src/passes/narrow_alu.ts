/**
 * Narrowing to 32-bit operations where that is exact. Two patterns, both local to a block and
 * both on scalars only (the frontend never truncates pointers, and the verifier refuses
 * 32-bit arithmetic on them):
 *
 * - `t = op64 a, b; …; d = (u32) t`, where the truncation is the only reader of that value of
 *   t, becomes `d = op32 a, b` for operations whose low 32 bits do not depend on the operands'
 *   high bits (add, sub, mul, and, or, xor, neg, and left shifts by less than 32). One
 *   instruction instead of two: the u32 arithmetic of `i++` and `n += x`.
 * - `d = (u32) s` (or a sign extension `d = (sN) s`) whose every reader looks only at the bits
 *   it keeps (a store of 4 bytes or fewer; of N/8 or fewer) is dropped, the readers reading `s`:
 *   `tid()` stored in a u32 key needs no truncation, nor `i32(ctx.ret)` stored in an i32 field.
 * - `d = (u32) s` where s is already zero-extended becomes a copy.
 */
import { type Block, def, type Instr, type IrFunction, uses, type VReg } from "../ir/ir.ts";
import { liveAfterEach, liveSets } from "../ir/live_sets.ts";
import { rewriteUses } from "../ir/operands.ts";

const LOW_BITS_ONLY = new Set(["add", "sub", "mul", "and", "or", "xor", "lsh"]);

export function narrowAlu(fn: IrFunction): void {
  const defCount = new Map<VReg, number>();
  for (const b of fn.blocks) {
    for (const i of b.instrs) {
      const d = def(i);
      if (d !== undefined) defCount.set(d, (defCount.get(d) ?? 0) + 1);
    }
  }
  const { liveOut } = liveSets(fn);
  for (const block of fn.blocks) {
    fuseTruncations(block, liveOut.get(block.label)!);
    dropTruncations(block, liveOut.get(block.label)!, defCount);
    copyZeroExtended(block);
  }
}

/**
 * `d = (u32) s` where s already has its high half zero (it came from a 32-bit operation or a
 * narrow unsigned load, in this block) is a plain copy, which the allocator then usually makes
 * free.
 */
function copyZeroExtended(block: Block): void {
  const zeroExtended = new Set<VReg>();
  block.instrs = block.instrs.map((i) => {
    let out = i;
    if (i.op === "mov" && i.width === 32 && i.src.kind === "reg" && zeroExtended.has(i.src.reg)) {
      out = { op: "mov", dst: i.dst, src: i.src, width: 64, span: i.span };
    }
    const d = def(out);
    if (d === undefined) return out;
    const narrow = (out.op === "mov" && out.width === 32) || (out.op === "alu" && out.width === 32) ||
      (out.op === "neg" && out.width === 32) || (out.op === "load" && out.size <= 4 && !out.signed) ||
      (out.op === "mov" && out.src.kind === "reg" && zeroExtended.has(out.src.reg)) ||
      (out.op === "mov" && out.src.kind === "imm" && out.src.value >= 0n && out.src.value <= 0xffffffffn);
    if (narrow) zeroExtended.add(d);
    else zeroExtended.delete(d);
    return out;
  });
}

/** Whether any instruction in instrs[from, to) defines one of `regs`. */
function redefined(instrs: Instr[], from: number, to: number, regs: VReg[]): boolean {
  for (let k = from; k < to; k++) {
    const d = def(instrs[k]!);
    if (d !== undefined && regs.includes(d)) return true;
  }
  return false;
}

function fuseTruncations(block: Block, liveOut: Set<VReg>): void {
  const instrs = block.instrs;
  const after = liveAfterEach(block, liveOut);
  for (let k = 0; k < instrs.length; k++) {
    const mov = instrs[k]!;
    if (mov.op !== "mov" || mov.width !== 32 || mov.src.kind !== "reg") continue;
    const t = mov.src.reg;
    const d = mov.dst;
    const j = instrs.findLastIndex((i, n) => n < k && def(i) === t);
    if (j < 0) continue;
    const op = instrs[j]!;
    let fused: Instr | undefined;
    if (op.op === "alu" && op.width === 64 && LOW_BITS_ONLY.has(op.alu) &&
      (op.alu !== "lsh" || (op.b.kind === "imm" && op.b.value >= 0n && op.b.value < 32n))) {
      fused = { ...op, dst: d, width: 32 };
    } else if (op.op === "neg" && op.width === 64) {
      fused = { ...op, dst: d, width: 32 };
    }
    if (!fused) continue;
    // The value `op` gives t must be read by the truncation alone, and d, now written at j,
    // must not be read or written in between.
    let ok = d === t || !after.get(mov)!.has(t);
    for (let n = j + 1; n < k && ok; n++) {
      const i = instrs[n]!;
      if (uses(i).includes(t) || (d !== t && (uses(i).includes(d) || def(i) === d))) ok = false;
    }
    if (!ok) continue;
    instrs[j] = fused;
    instrs.splice(k, 1);
    k--;
  }
}

function dropTruncations(block: Block, liveOut: Set<VReg>, defCount: Map<VReg, number>): void {
  const instrs = block.instrs;
  for (let k = 0; k < instrs.length; k++) {
    const mov = instrs[k]!;
    // A truncation to 32 bits, or a sign extension, keeps the low `kept` bytes of s as they are.
    let s: VReg;
    let kept: number;
    if (mov.op === "mov" && mov.width === 32 && mov.src.kind === "reg") [s, kept] = [mov.src.reg, 4];
    else if (mov.op === "movsx") [s, kept] = [mov.src, mov.bits / 8];
    else continue;
    const d = mov.dst;
    if (d === s || defCount.get(d) !== 1 || liveOut.has(d)) continue;
    const readers: Instr[] = [];
    let ok = true;
    for (let n = k + 1; n < instrs.length && ok; n++) {
      const i = instrs[n]!;
      if (uses(i).includes(d)) {
        ok = i.op === "store" && i.size <= kept && i.src.kind === "reg" && i.src.reg === d &&
          !(i.addr.kind === "reg" && i.addr.reg === d) && !redefined(instrs, k + 1, n, [s]);
        readers.push(i);
      }
    }
    if (!ok || readers.length === 0 || uses(block.term).includes(d)) continue;
    for (const r of readers) rewriteUses(r, (v) => ({ kind: "reg", reg: v === d ? s : v }));
    instrs.splice(k, 1);
    k--;
  }
}
