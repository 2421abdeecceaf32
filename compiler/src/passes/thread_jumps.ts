/**
 * Jump threading: a branch to an empty block that only jumps on goes straight to its target.
 * Keeps the many join blocks the frontend makes from costing instructions.
 */
import type { IrFunction, Terminator } from "../ir/ir.ts";

export function threadJumps(fn: IrFunction): void {
  const forward = new Map<string, string>();
  for (const b of fn.blocks) {
    if (b.instrs.length === 0 && b.term.op === "br" && b.term.target !== b.label) {
      forward.set(b.label, b.term.target);
    }
  }
  const resolve = (label: string) => {
    const seen = new Set<string>();
    while (forward.has(label) && !seen.has(label)) {
      seen.add(label);
      label = forward.get(label)!;
    }
    return label;
  };
  const retarget = (t: Terminator) => {
    if (t.op === "br") t.target = resolve(t.target);
    if (t.op === "cbr") {
      t.then = resolve(t.then);
      t.else = resolve(t.else);
    }
  };
  // The entry block keeps its place even when it only jumps.
  for (const b of fn.blocks) retarget(b.term);
}
