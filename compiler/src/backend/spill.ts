/**
 * Spill code, written into the IR so the allocator's next round sees it. A spilled virtual
 * register lives in an 8-byte stack slot: each definition writes a fresh temporary that is
 * stored there right after, and each use reads a fresh temporary loaded right before. The
 * temporaries live for one instruction and are never spilled themselves. A value that is
 * cheaper to recompute than to reload (an address, a map, a constant) is recomputed at each use
 * instead. Full 8-byte slots keep the verifier's knowledge of spilled pointers intact.
 */
import { def, type Instr, type IrFunction, uses, type VReg } from "../ir/ir.ts";
import { rewriteUses, setDef } from "../ir/operands.ts";
import { isRematerializable } from "./rematerialize.ts";

export function insertSpillCode(fn: IrFunction, spilled: VReg[], unspillable: Set<VReg>): void {
  const fresh = () => {
    const r = fn.vregCount++;
    unspillable.add(r);
    return r;
  };
  for (const v of spilled) {
    const defs = fn.blocks.flatMap((b) => b.instrs.filter((i) => def(i) === v));
    const remat = defs.length === 1 && isRematerializable(defs[0]!) ? defs[0]! : undefined;
    let slot = -1;
    if (!remat) {
      fn.slots.push({ size: 8, align: 8, name: `spill of v${v}` });
      slot = fn.slots.length - 1;
    }
    for (const block of fn.blocks) {
      const out: Instr[] = [];
      const reload = (span: Instr["span"]): VReg => {
        const t = fresh();
        out.push(remat ? { ...structuredClone(remat), dst: t, span } as Instr
          : { op: "load", dst: t, addr: { kind: "slot", slot }, off: 0, size: 8, span });
        return t;
      };
      for (const i of block.instrs) {
        if (i === remat) continue;
        if (uses(i).includes(v)) {
          const t = reload(i.span);
          rewriteUses(i, (r) => ({ kind: "reg", reg: r === v ? t : r }));
        }
        out.push(i);
        if (def(i) === v) {
          const t = fresh();
          setDef(i, t);
          out.push({ op: "store", addr: { kind: "slot", slot }, off: 0, size: 8, src: { kind: "reg", reg: t },
            span: i.span });
        }
      }
      if (uses(block.term).includes(v)) {
        const t = reload(block.term.span);
        rewriteUses(block.term, (r) => ({ kind: "reg", reg: r === v ? t : r }));
      }
      block.instrs = out;
    }
  }
}
