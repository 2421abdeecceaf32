/**
 * Rematerialisation of cheap values around helper calls. A stack-slot address, a map reference
 * or a constant that is still needed after a call would have to sit in one of the four
 * callee-saved registers (r6–r9) and be moved back into an argument register at each use;
 * recomputing it where it is used costs the same or one instruction more, keeps r6–r9 for
 * values that cannot be recomputed, and lets the value be computed straight into the argument
 * register. Each use that a call may separate from the definition gets its own copy of the
 * definition, placed just before it; a definition left without readers is dropped.
 */
import { def, type Instr, type IrFunction, type Terminator, uses, type VReg } from "../ir/ir.ts";
import { analyseForward, type Facts } from "../ir/forward_facts.ts";
import { rewriteUses } from "../ir/operands.ts";

/** Whether `instr` can be repeated anywhere with the same result. */
export function isRematerializable(instr: Instr): boolean {
  return instr.op === "slot_addr" || instr.op === "map" || (instr.op === "mov" && instr.src.kind === "imm");
}

export function rematerialize(fn: IrFunction): void {
  const defs = new Map<VReg, Instr[]>();
  for (const b of fn.blocks) {
    for (const i of b.instrs) {
      const d = def(i);
      if (d !== undefined) defs.set(d, [...(defs.get(d) ?? []), i]);
    }
  }
  const cheap = new Map<VReg, Instr>();
  for (const [v, list] of defs) if (list.length === 1 && isRematerializable(list[0]!)) cheap.set(v, list[0]!);
  if (cheap.size === 0) return;

  // A cheap value is "unbroken" where every path from its definition got here without a call.
  const transfer = (i: Instr, unbroken: Facts<true>) => {
    if (i.op === "call") unbroken.clear();
    const d = def(i);
    if (d !== undefined && cheap.has(d)) unbroken.set(d, true);
  };
  const atEntry = analyseForward(fn, { transfer, equal: () => true });

  for (const block of fn.blocks) {
    const unbroken = new Map(atEntry.get(block.label) ?? []);
    const out: Instr[] = [];
    const visit = (i: Instr | Terminator) => {
      const renamed = new Map<VReg, VReg>();
      for (const u of uses(i)) {
        if (!cheap.has(u) || unbroken.has(u) || renamed.has(u)) continue;
        const original = cheap.get(u)!;
        const r = fn.vregCount++;
        out.push({ ...structuredClone(original), dst: r, span: i.span ?? original.span } as Instr);
        renamed.set(u, r);
      }
      if (renamed.size) rewriteUses(i, (v) => ({ kind: "reg", reg: renamed.get(v) ?? v }));
    };
    for (const i of block.instrs) {
      visit(i);
      out.push(i);
      transfer(i, unbroken);
    }
    visit(block.term);
    block.instrs = out;
  }

  const read = new Set<VReg>();
  for (const b of fn.blocks) for (const i of [...b.instrs, b.term]) for (const u of uses(i)) read.add(u);
  for (const b of fn.blocks) b.instrs = b.instrs.filter((i) => !(cheap.get(def(i)!) === i && !read.has(def(i)!)));
}
