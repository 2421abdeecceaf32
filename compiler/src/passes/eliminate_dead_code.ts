/**
 * Dead-code elimination: an instruction whose result nobody reads, and that has no other
 * effect, goes. Stores, atomics and helper calls stay (a call with an unused result just stops
 * defining it), except calls to helpers known to be free of effects (`ktimeNs()`, `pid()` …).
 * Repeats until nothing more dies, since removing a use can kill its operands' definitions.
 */
import { def, type Instr, type IrFunction, uses } from "../ir/ir.ts";
import { isPureHelper } from "../ir/helper_effects.ts";
import { liveSets } from "../ir/live_sets.ts";

function removable(instr: Instr): boolean {
  switch (instr.op) {
    case "store": case "atomic_add": return false;
    case "call": return isPureHelper(instr.helper);
    default: return true;
  }
}

export function eliminateDeadCode(fn: IrFunction): void {
  for (let changed = true; changed;) {
    changed = false;
    const { liveOut } = liveSets(fn);
    for (const block of fn.blocks) {
      const live = new Set(liveOut.get(block.label));
      for (const u of uses(block.term)) live.add(u);
      const kept: Instr[] = [];
      for (let i = block.instrs.length - 1; i >= 0; i--) {
        const instr = block.instrs[i]!;
        const d = def(instr);
        if (instr.op === "mov" && instr.width === 64 && instr.src.kind === "reg" && instr.src.reg === d) {
          changed = true;
          continue;
        }
        if (d !== undefined && !live.has(d)) {
          if (removable(instr)) {
            changed = true;
            continue;
          }
          if (instr.op === "call") {
            delete instr.dst;
            changed = true;
          }
        }
        if (d !== undefined) live.delete(d);
        for (const u of uses(instr)) live.add(u);
        kept.push(instr);
      }
      block.instrs = kept.reverse();
    }
  }
}
