/**
 * Legalisation before register allocation: an immediate that no eBPF instruction can encode
 * where it appears (a 64-bit ALU or compare operand, or a stored 8-byte value, outside the
 * signed 32-bit range) moves into a fresh register first, and a non-commutative operation whose
 * second operand is its own result gets a fresh result. Afterwards every instruction can be
 * emitted with the registers the allocator gives it, and the emitter needs no scratch register.
 */
import { COMMUTATIVE, type Instr, type IrFunction, type Operand } from "../ir/ir.ts";


const fitsImm32 = (v: bigint) => {
  const s = BigInt.asIntN(64, v);
  return s >= -0x80000000n && s <= 0x7fffffffn;
};

export function legalize(fn: IrFunction): void {
  for (const block of fn.blocks) {
    const out: Instr[] = [];
    const inRegister = (o: Operand, span: Instr["span"]): Operand => {
      if (o.kind === "reg" || fitsImm32(o.value)) return o;
      const r = fn.vregCount++;
      out.push({ op: "mov", dst: r, src: o, width: 64, span });
      return { kind: "reg", reg: r };
    };
    for (const i of block.instrs) {
      if (i.op === "alu" && i.width === 64) i.b = inRegister(i.b, i.span);
      if (i.op === "store" && i.size === 8) i.src = inRegister(i.src, i.span);
      // `d = a - d` has no in-place form (eBPF overwrites the first operand): compute into a
      // fresh register, then copy.
      if (i.op === "alu" && !COMMUTATIVE.has(i.alu) && i.b.kind === "reg" && i.b.reg === i.dst &&
        i.a !== i.dst) {
        const t = fn.vregCount++;
        out.push({ ...i, dst: t });
        out.push({ op: "mov", dst: i.dst, src: { kind: "reg", reg: t }, width: 64, span: i.span });
        continue;
      }
      out.push(i);
    }
    const t = block.term;
    if (t.op === "cbr" && t.width === 64) t.b = inRegister(t.b, t.span);
    block.instrs = out;
  }
}
