/**
 * Live intervals for the register allocator. Instructions are numbered in layout order, two
 * positions each: instruction k reads its operands at 2k and writes its result at 2k + 1, so a
 * value whose last use is instruction k and the value k defines may share a register (`mov`
 * and two-address ALU operations then cost nothing). A virtual register's interval runs from
 * its first definition to its last use, stretched over every block where it is live in or out,
 * so loops keep their values alive around the back edge.
 *
 * One exception to sharing: the second operand of a non-commutative ALU operation must not
 * share the result's register (`d = a - b` with d = b cannot be done in place), so its
 * interval is stretched to the result's position.
 */
import { COMMUTATIVE, def, type Instr, type IrFunction, type Terminator, uses, type VReg } from "../ir/ir.ts";
import { liveSets } from "../ir/live_sets.ts";

export interface Interval {
  vreg: VReg;
  start: number;
  end: number;
}

export interface Liveness {
  /** Sorted by start, then register number. */
  intervals: Interval[];
  byVreg: Map<VReg, Interval>;
  /** Positions of helper calls (registers r0–r5 do not survive them). */
  callPositions: number[];
}


function positionsOf(fn: IrFunction): Map<Instr | Terminator, number> {
  const positions = new Map<Instr | Terminator, number>();
  let k = 0;
  for (const block of fn.blocks) {
    for (const instr of block.instrs) positions.set(instr, 2 * k++);
    positions.set(block.term, 2 * k++);
  }
  return positions;
}

export function computeLiveness(fn: IrFunction): Liveness {
  const positions = positionsOf(fn);
  const { liveIn, liveOut } = liveSets(fn);
  const byVreg = new Map<VReg, Interval>();
  const touch = (v: VReg, p: number) => {
    const iv = byVreg.get(v);
    if (!iv) byVreg.set(v, { vreg: v, start: p, end: p });
    else {
      iv.start = Math.min(iv.start, p);
      iv.end = Math.max(iv.end, p);
    }
  };
  const callPositions: number[] = [];
  for (const block of fn.blocks) {
    const first = positions.get(block.instrs[0] ?? block.term)!;
    const last = positions.get(block.term)!;
    // Live in means live just before the first instruction reads anything (if that is a
    // call, the value is live across it).
    for (const v of liveIn.get(block.label)!) touch(v, first - 1);
    for (const v of liveOut.get(block.label)!) touch(v, last + 1);
    for (const instr of block.instrs) {
      const p = positions.get(instr)!;
      for (const u of uses(instr)) touch(u, p);
      if (instr.op === "alu" && !COMMUTATIVE.has(instr.alu) && instr.b.kind === "reg" &&
        instr.b.reg !== instr.a) {
        touch(instr.b.reg, p + 1);
      }
      if (instr.op === "call") callPositions.push(p);
      const d = def(instr);
      if (d !== undefined) touch(d, p + 1);
    }
    for (const u of uses(block.term)) touch(u, last);
  }
  const intervals = [...byVreg.values()].sort((a, b) => a.start - b.start || a.vreg - b.vreg);
  return { intervals, byVreg, callPositions };
}

/** Whether the value is live across a helper call (used before or at it is not enough). */
export function crossesCall(iv: Interval, callPositions: number[]): boolean {
  return callPositions.some((p) => iv.start < p && iv.end > p);
}
