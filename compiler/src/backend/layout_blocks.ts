/**
 * Block placement: blocks the frontend marked cold (a full ring buffer's drop count) move after
 * all the others, keeping their order, so the common path falls through instead of jumping
 * over them. Labels are symbolic, so only the order of emission changes; the entry stays first.
 */
import type { IrFunction } from "../ir/ir.ts";

export function layoutBlocks(fn: IrFunction): void {
  const [entry, ...rest] = fn.blocks;
  if (!entry) return;
  fn.blocks = [entry, ...rest.filter((b) => !b.cold), ...rest.filter((b) => b.cold)];
}
