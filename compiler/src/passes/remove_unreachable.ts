/**
 * Removes blocks no path reaches (code after a return, empty joins). Not an optimisation: the
 * verifier refuses programs with unreachable instructions, so this pass always runs.
 */
import { type IrFunction, successors } from "../ir/ir.ts";

export function removeUnreachable(fn: IrFunction): void {
  const byLabel = new Map(fn.blocks.map((b) => [b.label, b]));
  const seen = new Set<string>();
  const work = [fn.blocks[0]!.label];
  while (work.length) {
    const label = work.pop()!;
    if (seen.has(label)) continue;
    seen.add(label);
    for (const s of successors(byLabel.get(label)!.term)) work.push(s);
  }
  fn.blocks = fn.blocks.filter((b) => seen.has(b.label));
}
