/**
 * Linear-scan register allocation onto eBPF's r1–r9. Values live across a helper call may only
 * take r6–r9 (calls clobber r0–r5); others prefer r1–r5. r0 is never allocated: it is the
 * return register and the scratch register for spill reloads, large immediates and call
 * argument shuffles. When no register is free, the interval ending last is spilled to an 8-byte
 * stack slot and reloaded at each use.
 */
import type { IrFunction, VReg } from "../ir/ir.ts";
import type { Interval, Liveness } from "./liveness.ts";

export type Location = { kind: "reg"; reg: number } | { kind: "spill"; slot: number };

export interface Allocation {
  locations: Map<VReg, Location>;
  /** Registers holding a live value at each position (to find free scratch registers). */
  busyAt(position: number): Set<number>;
}

const CALLER_SAVED = [1, 2, 3, 4, 5];
const CALLEE_SAVED = [6, 7, 8, 9];

export function allocateRegisters(fn: IrFunction, liveness: Liveness): Allocation {
  const locations = new Map<VReg, Location>();
  // Live before the call and used after it (an argument whose last use is the call is not).
  const crossesCall = (iv: Interval) =>
    liveness.callPositions.some((p) => iv.start < p && iv.end > p);
  const active: { iv: Interval; reg: number }[] = [];
  const free = new Set([...CALLER_SAVED, ...CALLEE_SAVED]);
  const spill = (vreg: VReg) => {
    fn.slots.push({ size: 8, align: 8, name: `spill of v${vreg}` });
    locations.set(vreg, { kind: "spill", slot: fn.slots.length - 1 });
  };

  for (const iv of liveness.intervals) {
    for (let i = active.length - 1; i >= 0; i--) {
      if (active[i]!.iv.end < iv.start) {
        free.add(active[i]!.reg);
        active.splice(i, 1);
      }
    }
    const mustSurvive = crossesCall(iv);
    const candidates = mustSurvive ? CALLEE_SAVED : [...CALLER_SAVED, ...CALLEE_SAVED];
    const reg = candidates.find((r) => free.has(r));
    if (reg !== undefined) {
      free.delete(reg);
      active.push({ iv, reg });
      locations.set(iv.vreg, { kind: "reg", reg });
      continue;
    }
    // Spill whichever of this interval and the compatible active ones ends last.
    const victims = active.filter((a) => candidates.includes(a.reg))
      .sort((a, b) => b.iv.end - a.iv.end);
    const victim = victims[0];
    if (victim && victim.iv.end > iv.end) {
      spill(victim.iv.vreg);
      active.splice(active.indexOf(victim), 1);
      active.push({ iv, reg: victim.reg });
      locations.set(iv.vreg, { kind: "reg", reg: victim.reg });
    } else {
      spill(iv.vreg);
    }
  }

  const regIntervals = liveness.intervals.filter((iv) => locations.get(iv.vreg)?.kind === "reg");
  return {
    locations,
    busyAt(position) {
      const busy = new Set<number>();
      for (const iv of regIntervals) {
        if (iv.start <= position && iv.end >= position) {
          busy.add((locations.get(iv.vreg) as { reg: number }).reg);
        }
      }
      return busy;
    },
  };
}
