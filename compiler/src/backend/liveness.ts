/**
 * Liveness and live intervals. Instructions are numbered in layout order, two positions each
 * (uses at 2k, a call's result defined at 2k + 1); a virtual register's interval runs from its
 * first definition to its last use, stretched over every block where it is live in or out, so
 * loops keep their values alive around the back edge.
 */
import { type Block, def, type Instr, type IrFunction, successors, type Terminator, uses,
  type VReg } from "../ir/ir.ts";

export interface Interval {
  vreg: VReg;
  start: number;
  end: number;
}

export interface Liveness {
  intervals: Interval[];
  /** Positions of helper calls (registers r0–r5 do not survive them). */
  callPositions: number[];
  /** Position of the first instruction of each block, and one past its terminator. */
  blockStart: Map<string, number>;
}

export function positionsOf(fn: IrFunction): Map<Instr | Terminator, number> {
  const positions = new Map<Instr | Terminator, number>();
  let k = 0;
  for (const block of fn.blocks) {
    for (const instr of block.instrs) positions.set(instr, 2 * k++);
    positions.set(block.term, 2 * k++);
  }
  return positions;
}

function blockUseDef(block: Block): { use: Set<VReg>; defs: Set<VReg> } {
  const use = new Set<VReg>();
  const defs = new Set<VReg>();
  for (const instr of block.instrs) {
    for (const u of uses(instr)) if (!defs.has(u)) use.add(u);
    const d = def(instr);
    if (d !== undefined) defs.add(d);
  }
  for (const u of uses(block.term)) if (!defs.has(u)) use.add(u);
  return { use, defs };
}

export function computeLiveness(fn: IrFunction): Liveness {
  const positions = positionsOf(fn);
  const byLabel = new Map(fn.blocks.map((b) => [b.label, b]));
  const info = new Map(fn.blocks.map((b) => [b.label, blockUseDef(b)]));
  const liveIn = new Map<string, Set<VReg>>(fn.blocks.map((b) => [b.label, new Set()]));
  const liveOut = new Map<string, Set<VReg>>(fn.blocks.map((b) => [b.label, new Set()]));
  for (let changed = true; changed;) {
    changed = false;
    for (let i = fn.blocks.length - 1; i >= 0; i--) {
      const block = fn.blocks[i]!;
      const out = new Set<VReg>();
      for (const s of successors(block.term)) {
        if (!byLabel.has(s)) continue;
        for (const v of liveIn.get(s)!) out.add(v);
      }
      const { use, defs } = info.get(block.label)!;
      const inn = new Set(use);
      for (const v of out) if (!defs.has(v)) inn.add(v);
      if (inn.size !== liveIn.get(block.label)!.size || out.size !== liveOut.get(block.label)!.size) {
        changed = true;
      }
      liveIn.set(block.label, inn);
      liveOut.set(block.label, out);
    }
  }

  const start = new Map<VReg, number>();
  const end = new Map<VReg, number>();
  const touch = (v: VReg, p: number) => {
    start.set(v, Math.min(start.get(v) ?? p, p));
    end.set(v, Math.max(end.get(v) ?? p, p));
  };
  const callPositions: number[] = [];
  const blockStart = new Map<string, number>();
  for (const block of fn.blocks) {
    const first = positions.get(block.instrs[0] ?? block.term)!;
    const last = positions.get(block.term)!;
    blockStart.set(block.label, first);
    for (const v of liveIn.get(block.label)!) touch(v, first);
    for (const v of liveOut.get(block.label)!) touch(v, last + 1);
    for (const instr of block.instrs) {
      const p = positions.get(instr)!;
      for (const u of uses(instr)) touch(u, p);
      const d = def(instr);
      if (instr.op === "call") {
        callPositions.push(p);
        if (d !== undefined) touch(d, p + 1);
      } else if (d !== undefined) {
        touch(d, p);
      }
    }
    for (const u of uses(block.term)) touch(u, last);
  }
  const intervals = [...start.keys()].map((vreg) => ({ vreg, start: start.get(vreg)!,
    end: end.get(vreg)! }));
  intervals.sort((a, b) => a.start - b.start || a.vreg - b.vreg);
  return { intervals, callPositions, blockStart };
}
