/**
 * Control-flow facts about an IR function: blocks by label, predecessors, and reverse
 * postorder (the order forward data-flow analyses converge fastest in). Computed on demand;
 * passes that change the CFG compute them again.
 */
import { type Block, type IrFunction, successors } from "./ir.ts";

export interface Cfg {
  byLabel: Map<string, Block>;
  /** Labels of the blocks that may jump to each block (reachable or not). */
  predecessors: Map<string, string[]>;
  /** Reachable blocks, entry first, each before its successors except along back edges. */
  reversePostorder: Block[];
}

export function buildCfg(fn: IrFunction): Cfg {
  const byLabel = new Map(fn.blocks.map((b) => [b.label, b]));
  const predecessors = new Map<string, string[]>(fn.blocks.map((b) => [b.label, []]));
  for (const b of fn.blocks) {
    for (const s of new Set(successors(b.term))) predecessors.get(s)?.push(b.label);
  }
  const seen = new Set<string>();
  const post: Block[] = [];
  // Iterative depth-first search: deep CFGs (unrolled loops) must not overflow the JS stack.
  const stack: { block: Block; next: number }[] = [];
  const visit = (b: Block) => {
    seen.add(b.label);
    stack.push({ block: b, next: 0 });
  };
  if (fn.blocks[0]) visit(fn.blocks[0]);
  while (stack.length) {
    const top = stack.at(-1)!;
    const succ = successors(top.block.term);
    if (top.next < succ.length) {
      const s = byLabel.get(succ[top.next++]!);
      if (s && !seen.has(s.label)) visit(s);
    } else {
      post.push(top.block);
      stack.pop();
    }
  }
  return { byLabel, predecessors, reversePostorder: post.reverse() };
}
