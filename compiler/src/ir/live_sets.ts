/**
 * Which virtual registers are live at the entry and exit of each block (backward data-flow:
 * a register is live where some path still reads it before redefining it). Dead-code
 * elimination and the backend's live intervals both start from these sets.
 */
import { type Block, def, type Instr, type IrFunction, successors, type Terminator, uses, type VReg }
  from "./ir.ts";

export interface LiveSets {
  liveIn: Map<string, Set<VReg>>;
  liveOut: Map<string, Set<VReg>>;
}

/** Registers a block reads before writing them, and the registers it writes. */
function useDef(block: Block): { use: Set<VReg>; defs: Set<VReg> } {
  const use = new Set<VReg>();
  const defs = new Set<VReg>();
  for (const instr of block.instrs) {
    for (const u of uses(instr)) if (!defs.has(u)) use.add(u);
    const d = def(instr);
    if (d !== undefined) defs.add(d);
  }
  for (const u of uses(block.term)) if (!defs.has(u)) use.add(u);
  return { use, defs };
}

export function liveSets(fn: IrFunction): LiveSets {
  const byLabel = new Map(fn.blocks.map((b) => [b.label, b]));
  const info = new Map(fn.blocks.map((b) => [b.label, useDef(b)]));
  const liveIn = new Map<string, Set<VReg>>(fn.blocks.map((b) => [b.label, new Set()]));
  const liveOut = new Map<string, Set<VReg>>(fn.blocks.map((b) => [b.label, new Set()]));
  for (let changed = true; changed;) {
    changed = false;
    for (let i = fn.blocks.length - 1; i >= 0; i--) {
      const block = fn.blocks[i]!;
      const out = liveOut.get(block.label)!;
      for (const s of successors(block.term)) {
        if (!byLabel.has(s)) continue;
        for (const v of liveIn.get(s)!) out.add(v);
      }
      const { use, defs } = info.get(block.label)!;
      const inn = liveIn.get(block.label)!;
      const before = inn.size;
      for (const v of use) inn.add(v);
      for (const v of out) if (!defs.has(v)) inn.add(v);
      if (inn.size !== before) changed = true;
    }
  }
  return { liveIn, liveOut };
}

/**
 * The registers live just after each instruction of `block` (its terminator included), given
 * those live at its exit.
 */
export function liveAfterEach(block: Block, liveOut: Set<VReg>): Map<Instr | Terminator, Set<VReg>> {
  const after = new Map<Instr | Terminator, Set<VReg>>();
  const live = new Set(liveOut);
  after.set(block.term, new Set(live));
  for (const u of uses(block.term)) live.add(u);
  for (let i = block.instrs.length - 1; i >= 0; i--) {
    const instr = block.instrs[i]!;
    after.set(instr, new Set(live));
    const d = def(instr);
    if (d !== undefined) live.delete(d);
    for (const u of uses(instr)) live.add(u);
  }
  return after;
}
