/**
 * Reloads of a spilled value that a register still holds are dropped, or become a register
 * move. Spill code reloads a spilled value before every use (spill.ts), so a handler whose
 * context or syscall number is spilled reloads it before each of a chain of compares, where the
 * register loaded for the first compare still holds it: the HTTP probe's program, which runs on
 * every syscall of the machine, did that nine times on its way to the switch on the syscall
 * number. After register allocation, knowing each virtual register's eBPF register, each block
 * is walked remembering which register holds which spill slot's value; a block with one
 * predecessor starts from what its predecessor knew at its end, any other from nothing.
 *
 * Only slots whose address is never taken are followed, so only a store to the slot itself
 * changes it; a register stops holding a slot's value when it is written, and a helper call
 * writes r0–r5.
 */
import { def, type Instr, type IrFunction, reg, successors } from "../ir/ir.ts";
import type { Allocation } from "./regalloc.ts";

const CALL_CLOBBERED = [0, 1, 2, 3, 4, 5];

/** Register → the slot whose 8 bytes it holds, and a virtual register allocated to it. */
type Holdings = Map<number, { slot: number; vreg: number }>;

export function reuseReloads(fn: IrFunction, alloc: Allocation): void {
  const addressTaken = new Set<number>();
  // Each block's one predecessor, or null when it has more than one edge in.
  const onlyPredecessor = new Map<string, string | null>();
  for (const block of fn.blocks) {
    for (const i of block.instrs) if (i.op === "slot_addr") addressTaken.add(i.slot);
    for (const s of successors(block.term)) onlyPredecessor.set(s, onlyPredecessor.has(s) ? null : block.label);
  }
  const physical = (v: number) => alloc.registers.get(v);
  const atExit = new Map<string, Holdings>();

  for (const block of fn.blocks) {
    const from = onlyPredecessor.get(block.label);
    const held: Holdings = new Map(from ? atExit.get(from) ?? [] : []);
    const forget = (register: number | undefined) => {
      if (register !== undefined) held.delete(register);
    };
    const out: Instr[] = [];
    for (const i of block.instrs) {
      const slot = i.op === "load" || i.op === "store" ? fullSlot(i, addressTaken) : undefined;
      if (i.op === "load" && slot !== undefined) {
        const p = physical(i.dst);
        const holder = [...held].find(([, h]) => h.slot === slot);
        if (holder && holder[0] === p) continue; // already there
        out.push(holder ? { op: "mov", dst: i.dst, src: reg(holder[1].vreg), width: 64, span: i.span } : i);
        forget(p);
        if (p !== undefined) held.set(p, { slot, vreg: i.dst });
        continue;
      }
      out.push(i);
      if (i.op === "store" && i.addr.kind === "slot") {
        for (const [r, h] of held) if (h.slot === i.addr.slot) held.delete(r);
        if (slot !== undefined && i.src.kind === "reg") {
          const p = physical(i.src.reg);
          if (p !== undefined) held.set(p, { slot, vreg: i.src.reg });
        }
        continue;
      }
      if (i.op === "call") for (const r of CALL_CLOBBERED) held.delete(r);
      const d = def(i);
      if (d !== undefined) forget(physical(d));
    }
    block.instrs = out;
    atExit.set(block.label, held);
  }
}

/** The slot of an 8-byte, offset-0, unsigned access to a slot whose address is never taken. */
function fullSlot(i: Extract<Instr, { op: "load" | "store" }>, addressTaken: Set<number>): number | undefined {
  if (i.addr.kind !== "slot" || i.off !== 0 || i.size !== 8 || addressTaken.has(i.addr.slot)) return undefined;
  if (i.op === "load" && i.signed) return undefined;
  return i.addr.slot;
}
