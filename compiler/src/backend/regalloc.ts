/**
 * Linear-scan register allocation onto eBPF's r0–r9, with spilling written into the IR.
 *
 * Constraints: a value live across a helper call may only take r6–r9 (calls clobber r0–r5).
 * r0 is allocatable for values that cross no call and are not helper arguments (the argument
 * shuffle before a call breaks cycles through r0), which is where helper results are best used.
 *
 * Hints, so that most moves disappear: a value prefers the register of a value it is copied
 * from or to (`mov`, and the first operand of an ALU operation, which eBPF overwrites in place);
 * a helper argument prefers its argument register (r1–r5), a helper's result and a returned
 * value prefer r0, the context prefers r1. Without a usable hint, a register that no overlapping
 * interval wants is taken.
 *
 * When no register is free, the interval that ends last is spilled: `spill.ts` rewrites the
 * IR with a store after each definition and a load before each use, through temporaries that
 * live for one instruction, and allocation runs again. Temporaries are never spilled, so this
 * ends: each round removes at least one spillable register.
 */
import { CompilerBug } from "../diagnostics/diagnostic.ts";
import { COMMUTATIVE, type IrFunction, type VReg } from "../ir/ir.ts";
import { computeLiveness, crossesCall, type Interval } from "./liveness.ts";
import { insertSpillCode } from "./spill.ts";

export interface Allocation {
  /** The eBPF register of every virtual register. */
  registers: Map<VReg, number>;
}

const CALLER_SAVED = [1, 2, 3, 4, 5];
const CALLEE_SAVED = [6, 7, 8, 9];

interface Preferences {
  fixed: Map<VReg, number>;
  related: Map<VReg, VReg[]>;
  callArguments: Set<VReg>;
}

function preferences(fn: IrFunction): Preferences {
  const fixed = new Map<VReg, number>();
  const related = new Map<VReg, VReg[]>();
  const callArguments = new Set<VReg>();
  const relate = (a: VReg, b: VReg) => {
    if (a === b) return;
    related.set(a, [...(related.get(a) ?? []), b]);
    related.set(b, [...(related.get(b) ?? []), a]);
  };
  const want = (v: VReg, r: number) => {
    if (!fixed.has(v)) fixed.set(v, r);
  };
  for (const block of fn.blocks) {
    for (const i of block.instrs) {
      switch (i.op) {
        case "mov": if (i.width === 64 && i.src.kind === "reg") relate(i.dst, i.src.reg); break;
        case "alu":
          relate(i.dst, i.a);
          if (COMMUTATIVE.has(i.alu) && i.b.kind === "reg") relate(i.dst, i.b.reg);
          break;
        case "neg": relate(i.dst, i.a); break;
        case "arg": want(i.dst, 1 + i.index); break;
        case "call":
          i.args.forEach((a, n) => {
            if (a.kind !== "reg") return;
            callArguments.add(a.reg);
            want(a.reg, n + 1);
          });
          if (i.dst !== undefined) want(i.dst, 0);
          break;
      }
    }
    if (block.term.op === "ret" && block.term.value.kind === "reg") want(block.term.value.reg, 0);
  }
  return { fixed, related, callArguments };
}

export function allocateRegisters(fn: IrFunction): Allocation {
  const unspillable = new Set<VReg>();
  for (;;) {
    const { registers, spilled } = linearScan(fn, unspillable);
    if (spilled.length === 0) return { registers };
    insertSpillCode(fn, spilled, unspillable);
  }
}

function linearScan(fn: IrFunction, unspillable: Set<VReg>): { registers: Map<VReg, number>; spilled: VReg[] } {
  const liveness = computeLiveness(fn);
  const prefs = preferences(fn);
  const registers = new Map<VReg, number>();
  const spilled: VReg[] = [];
  const active: { iv: Interval; reg: number }[] = [];

  // Intervals that want each register, to keep other values out of their way.
  const wanted = new Map<number, Interval[]>();
  for (const iv of liveness.intervals) {
    const r = prefs.fixed.get(iv.vreg);
    if (r !== undefined) wanted.set(r, [...(wanted.get(r) ?? []), iv]);
  }
  const inTheWay = (r: number, iv: Interval) => (wanted.get(r) ?? []).some((w) => w !== iv &&
    !registers.has(w.vreg) && w.start <= iv.end && w.end >= iv.start);

  const choose = (iv: Interval, free: number[]): number | undefined => {
    if (free.length === 0) return undefined;
    const v = iv.vreg;
    const own = prefs.fixed.get(v);
    // A register shared with a related value saves a move where this value is defined; the
    // value's own preference saves one where it is used. Best is both at once.
    const shared = (prefs.related.get(v) ?? []).map((o) => registers.get(o))
      .filter((r): r is number => r !== undefined && free.includes(r));
    if (own !== undefined && shared.includes(own)) return own;
    if (shared.length) return shared[0];
    if (own !== undefined && free.includes(own)) return own;
    for (const other of prefs.related.get(v) ?? []) {
      const r = prefs.fixed.get(other);
      if (r !== undefined && free.includes(r) && !inTheWay(r, iv)) return r;
    }
    return free.find((r) => !inTheWay(r, iv)) ?? free[0];
  };

  for (const iv of liveness.intervals) {
    for (let i = active.length - 1; i >= 0; i--) {
      if (active[i]!.iv.end < iv.start) active.splice(i, 1);
    }
    const crossing = crossesCall(iv, liveness.callPositions);
    const allowed = crossing ? CALLEE_SAVED
      : [...CALLER_SAVED, ...(prefs.callArguments.has(iv.vreg) ? [] : [0]), ...CALLEE_SAVED];
    const busy = new Set(active.map((a) => a.reg));
    const reg = choose(iv, allowed.filter((r) => !busy.has(r)));
    if (reg !== undefined) {
      active.push({ iv, reg });
      registers.set(iv.vreg, reg);
      continue;
    }
    // Spill whichever of this interval and the compatible active ones ends last.
    const victim = active.filter((a) => allowed.includes(a.reg) && !unspillable.has(a.iv.vreg))
      .sort((a, b) => b.iv.end - a.iv.end)[0];
    if (unspillable.has(iv.vreg) && !victim) {
      throw new CompilerBug(`no register for a spill temporary in '${fn.name}'`);
    }
    if (victim && (unspillable.has(iv.vreg) || victim.iv.end > iv.end)) {
      spilled.push(victim.iv.vreg);
      registers.delete(victim.iv.vreg);
      active.splice(active.indexOf(victim), 1);
      active.push({ iv, reg: victim.reg });
      registers.set(iv.vreg, victim.reg);
    } else {
      spilled.push(iv.vreg);
    }
  }
  return { registers, spilled };
}
