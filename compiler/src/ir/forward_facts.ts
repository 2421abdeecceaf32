/**
 * A forward "must" data-flow analysis over per-register facts, shared by the passes that
 * substitute values (constants, copies, addresses). A fact about a register holds at a block's
 * entry when it holds, with an equal value, at the end of every predecessor already analysed;
 * blocks are visited in reverse postorder until nothing changes. The IR is not in SSA form, so
 * `transfer` must forget facts a redefinition invalidates.
 */
import { buildCfg } from "./cfg.ts";
import type { Instr, IrFunction, VReg } from "./ir.ts";

export type Facts<T> = Map<VReg, T>;

export interface FactAnalysis<T> {
  /** Updates `facts` for the effect of `instr` (which has already read its operands). */
  transfer(instr: Instr, facts: Facts<T>): void;
  equal(a: T, b: T): boolean;
}

/** Facts at the entry of each reachable block. */
export function analyseForward<T>(fn: IrFunction, analysis: FactAnalysis<T>): Map<string, Facts<T>> {
  const cfg = buildCfg(fn);
  const atEntry = new Map<string, Facts<T>>();
  const atExit = new Map<string, Facts<T>>();
  for (let changed = true; changed;) {
    changed = false;
    for (const block of cfg.reversePostorder) {
      const preds = cfg.predecessors.get(block.label)!.filter((p) => atExit.has(p));
      let entry: Facts<T>;
      if (block === fn.blocks[0] || preds.length === 0) {
        entry = new Map();
      } else {
        entry = new Map(atExit.get(preds[0]!)!);
        for (const p of preds.slice(1)) {
          const other = atExit.get(p)!;
          for (const [v, fact] of entry) {
            const o = other.get(v);
            if (o === undefined || !analysis.equal(o, fact)) entry.delete(v);
          }
        }
      }
      const previous = atEntry.get(block.label);
      if (previous && sameFacts(previous, entry, analysis)) continue;
      atEntry.set(block.label, entry);
      const facts = new Map(entry);
      for (const instr of block.instrs) analysis.transfer(instr, facts);
      atExit.set(block.label, facts);
      changed = true;
    }
  }
  return atEntry;
}

function sameFacts<T>(a: Facts<T>, b: Facts<T>, analysis: FactAnalysis<T>): boolean {
  if (a.size !== b.size) return false;
  for (const [v, fact] of a) {
    const o = b.get(v);
    if (o === undefined || !analysis.equal(o, fact)) return false;
  }
  return true;
}
