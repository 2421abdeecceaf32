/**
 * Copy propagation: after `d = s`, reads of `d` read `s` instead for as long as neither is
 * redefined, on every path. The copy itself then usually dies and DCE removes it; this is what
 * keeps the frontend's temporaries (locals, conversions that change nothing, inlined
 * parameters) from costing moves. Only 64-bit copies: a 32-bit `mov` truncates.
 */
import type { Instr, IrFunction, Operand, VReg } from "../ir/ir.ts";
import { rewriteUses } from "../ir/operands.ts";
import { analyseForward, type Facts } from "../ir/forward_facts.ts";

const transfer = (instr: Instr, copies: Facts<VReg>) => {
  if (!("dst" in instr) || instr.dst === undefined) return;
  const d = instr.dst;
  const source = instr.op === "mov" && instr.width === 64 && instr.src.kind === "reg"
    ? copies.get(instr.src.reg) ?? instr.src.reg : undefined;
  copies.delete(d);
  for (const [v, s] of copies) if (s === d) copies.delete(v);
  if (source !== undefined && source !== d) copies.set(d, source);
};

export function propagateCopies(fn: IrFunction): void {
  const atEntry = analyseForward(fn, { transfer, equal: (a, b) => a === b });
  for (const block of fn.blocks) {
    const entry = atEntry.get(block.label);
    if (!entry) continue;
    const copies = new Map(entry);
    const substitute = (r: VReg): Operand => ({ kind: "reg", reg: copies.get(r) ?? r });
    for (const instr of block.instrs) {
      rewriteUses(instr, substitute);
      transfer(instr, copies);
    }
    rewriteUses(block.term, substitute);
  }
}
