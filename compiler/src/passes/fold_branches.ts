/**
 * Branch folding: a conditional branch whose outcome is known (both sides constant on every
 * path, or both targets the same) becomes an unconditional jump. The block it no longer
 * reaches is left for `remove_unreachable.ts`.
 */
import type { IrFunction } from "../ir/ir.ts";
import { evaluateCompare } from "./evaluate.ts";
import { constantsAtEnd, knownConstants } from "./fold_constants.ts";

export function foldBranches(fn: IrFunction): void {
  const atEntry = knownConstants(fn);
  for (const block of fn.blocks) {
    const t = block.term;
    if (t.op !== "cbr") continue;
    if (t.then === t.else) {
      block.term = { op: "br", target: t.then, span: t.span };
      continue;
    }
    const entry = atEntry.get(block.label);
    if (!entry) continue;
    const known = constantsAtEnd(block, entry);
    const a = known.get(t.a);
    const b = t.b.kind === "imm" ? t.b.value : known.get(t.b.reg);
    if (a === undefined || b === undefined) continue;
    block.term = { op: "br", target: evaluateCompare(t.cmp, t.width, a, b) ? t.then : t.else,
      span: t.span };
  }
}
