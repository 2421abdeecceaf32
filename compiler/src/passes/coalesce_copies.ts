/**
 * Copy coalescing: `d = s` where d and s never hold different live values merges them into one
 * register, and the copy disappears. What copy propagation cannot remove is left here: the
 * copies that carry a loop variable's next value around the back edge (`i = i + 1` is lowered
 * as `t = i + 1; i = t`) and the copies that join the arms of a conditional.
 *
 * Two registers interfere when one is live just after an instruction that defines the other
 * (a copy between them excepted, Chaitin's rule). Merging renames s to d everywhere. After a
 * merge the liveness is stale, so each round merges each register at most once and the pass
 * repeats until no copy can go.
 */
import { def, type IrFunction, type Instr, uses, type VReg } from "../ir/ir.ts";
import { liveAfterEach, liveSets } from "../ir/live_sets.ts";
import { rewriteUses, setDef } from "../ir/operands.ts";

export function coalesceCopies(fn: IrFunction): void {
  for (let merged = true; merged;) {
    merged = false;
    const { liveOut } = liveSets(fn);
    // For each register: what is live just after each of its definitions.
    const atDefs = new Map<VReg, { instr: Instr; live: Set<VReg> }[]>();
    const liveIn = new Set<VReg>();
    for (const block of fn.blocks) {
      const after = liveAfterEach(block, liveOut.get(block.label)!);
      for (const instr of block.instrs) {
        const d = def(instr);
        if (d !== undefined) atDefs.set(d, [...(atDefs.get(d) ?? []), { instr, live: after.get(instr)! }]);
      }
    }
    // Registers read before any definition (the entry's live-in) cannot be reasoned about.
    const entry = fn.blocks[0];
    if (entry) {
      const live = new Set(liveOut.get(entry.label));
      for (const u of uses(entry.term)) live.add(u);
      for (let i = entry.instrs.length - 1; i >= 0; i--) {
        const d = def(entry.instrs[i]!);
        if (d !== undefined) live.delete(d);
        for (const u of uses(entry.instrs[i]!)) live.add(u);
      }
      for (const v of live) liveIn.add(v);
    }
    const isCopyBetween = (i: Instr, a: VReg, b: VReg) =>
      i.op === "mov" && i.width === 64 && i.src.kind === "reg" && i.dst === a && i.src.reg === b;
    const interferes = (a: VReg, b: VReg) =>
      (atDefs.get(a) ?? []).some((x) => x.live.has(b) && !isCopyBetween(x.instr, a, b)) ||
      (atDefs.get(b) ?? []).some((x) => x.live.has(a) && !isCopyBetween(x.instr, b, a));

    const touched = new Set<VReg>();
    for (const block of fn.blocks) {
      for (const instr of block.instrs) {
        if (instr.op !== "mov" || instr.width !== 64 || instr.src.kind !== "reg") continue;
        const d = instr.dst;
        const s = instr.src.reg;
        if (d === s || touched.has(d) || touched.has(s) || liveIn.has(d) || liveIn.has(s)) continue;
        if (interferes(d, s)) continue;
        rename(fn, s, d);
        touched.add(d);
        touched.add(s);
        merged = true;
      }
    }
    // The merged copies are now `d = d`.
    for (const block of fn.blocks) {
      block.instrs = block.instrs.filter((i) =>
        !(i.op === "mov" && i.width === 64 && i.src.kind === "reg" && i.src.reg === i.dst));
    }
  }
}

function rename(fn: IrFunction, from: VReg, to: VReg): void {
  const f = (r: VReg) => ({ kind: "reg" as const, reg: r === from ? to : r });
  for (const block of fn.blocks) {
    for (const instr of block.instrs) {
      rewriteUses(instr, f);
      if (def(instr) === from) setDef(instr, to);
    }
    rewriteUses(block.term, f);
  }
}
