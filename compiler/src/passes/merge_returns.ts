/**
 * Shared returns: every `ret k` of one constant k becomes a jump to a single block that returns
 * k, placed right after the last block that returned it, which then falls into it. An early
 * `return` (`if (x === undefined) return;`) is then one conditional jump to the function's
 * common exit, as clang compiles it, instead of its own `r0 = k; exit` (two more instructions
 * each time). A block that held only the return becomes an empty jump, which jump threading
 * removes. Returns of a register stay where they are.
 */
import type { Block, IrFunction } from "../ir/ir.ts";

export function mergeReturns(fn: IrFunction): void {
  const byValue = new Map<bigint, Block[]>();
  for (const b of fn.blocks) {
    if (b.term.op !== "ret" || b.term.value.kind !== "imm") continue;
    const list = byValue.get(b.term.value.value) ?? [];
    list.push(b);
    byValue.set(b.term.value.value, list);
  }
  const labels = new Set(fn.blocks.map((b) => b.label));
  for (const [value, returning] of byValue) {
    if (returning.length < 2) continue;
    let label = `ret.${value}`;
    for (let n = 1; labels.has(label); n++) label = `ret.${value}.${n}`;
    labels.add(label);
    // After the last hot block that returns it (cold blocks are laid out last anyway).
    const last = returning.filter((b) => !b.cold).at(-1) ?? returning.at(-1)!;
    const shared: Block = { label, instrs: [], term: { ...last.term } };
    for (const b of returning) b.term = { op: "br", target: label, span: b.term.span };
    fn.blocks.splice(fn.blocks.indexOf(last) + 1, 0, shared);
  }
}
