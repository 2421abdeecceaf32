/**
 * Block merging: a block that ends by jumping to a block only it jumps to absorbs that block.
 * The frontend starts a new block at every join; merged, straight-line code is one block, which
 * the local passes (CSE, narrowing) see whole.
 */
import { buildCfg } from "../ir/cfg.ts";
import type { IrFunction } from "../ir/ir.ts";

export function mergeBlocks(fn: IrFunction): void {
  const cfg = buildCfg(fn);
  const entry = fn.blocks[0]?.label;
  const removed = new Set<string>();
  for (const block of fn.blocks) {
    if (removed.has(block.label)) continue;
    while (block.term.op === "br") {
      const target = block.term.target;
      const next = cfg.byLabel.get(target);
      const preds = cfg.predecessors.get(target) ?? [];
      if (!next || target === entry || target === block.label || removed.has(target) ||
        preds.length !== 1) break;
      block.instrs.push(...next.instrs);
      block.term = next.term;
      removed.add(target);
      // Blocks `next` jumped to now have `block` as their predecessor instead.
      for (const preds of cfg.predecessors.values()) {
        for (let i = 0; i < preds.length; i++) if (preds[i] === target) preds[i] = block.label;
      }
    }
  }
  fn.blocks = fn.blocks.filter((b) => !removed.has(b.label));
}
