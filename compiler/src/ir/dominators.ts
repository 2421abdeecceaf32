/**
 * Dominators of an IR function's reachable blocks (Cooper, Harvey and Kennedy's iterative
 * algorithm over reverse postorder): block A dominates B when every path from the entry to B
 * passes through A. Used to reuse a value computed in a block for the blocks it dominates.
 */
import { buildCfg } from "./cfg.ts";
import type { IrFunction } from "./ir.ts";

export interface Dominators {
  /** The immediate dominator of each reachable block but the entry. */
  idom: Map<string, string>;
  /** Whether block `a` dominates block `b` (every block dominates itself). */
  dominates(a: string, b: string): boolean;
}

export function computeDominators(fn: IrFunction): Dominators {
  const cfg = buildCfg(fn);
  const order = new Map(cfg.reversePostorder.map((b, i) => [b.label, i]));
  const entry = cfg.reversePostorder[0]?.label;
  const idom = new Map<string, string>();
  if (entry !== undefined) idom.set(entry, entry);
  const intersect = (a: string, b: string) => {
    while (a !== b) {
      while (order.get(a)! > order.get(b)!) a = idom.get(a)!;
      while (order.get(b)! > order.get(a)!) b = idom.get(b)!;
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const block of cfg.reversePostorder.slice(1)) {
      const preds = cfg.predecessors.get(block.label)!.filter((p) => idom.has(p));
      if (preds.length === 0) continue;
      const next = preds.slice(1).reduce(intersect, preds[0]!);
      if (idom.get(block.label) !== next) {
        idom.set(block.label, next);
        changed = true;
      }
    }
  }
  if (entry !== undefined) idom.delete(entry);
  return {
    idom,
    dominates(a, b) {
      for (let x: string | undefined = b; x !== undefined; x = idom.get(x)) {
        if (x === a) return true;
      }
      return false;
    },
  };
}
