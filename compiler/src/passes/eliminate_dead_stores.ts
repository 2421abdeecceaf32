/**
 * Dead-store elimination on stack slots: a store whose every byte is overwritten before
 * anything can read it, or that nothing reads before the program ends, goes. Typical victims:
 * the zeroing of a record whose fields are then all written, and of a buffer a helper then
 * fills completely (`comm()`, `readUser()`).
 *
 * Reads are tracked byte by byte, backwards. A load from a slot reads its bytes. A slot whose
 * address is taken (`&slot`) has escaped: any helper call, or any load, store or atomic through
 * a pointer, may read all of it — except a helper known to fill a buffer without reading it
 * (when the buffer is `&slot + constant` and its length is constant: those bytes are
 * overwritten, not read).
 */
import { def, type Instr, type IrFunction, successors, type VReg } from "../ir/ir.ts";
import { filledBuffer } from "../ir/helper_effects.ts";

type Bytes = Map<number, bigint>;

const range = (off: number, size: number) => ((1n << BigInt(size)) - 1n) << BigInt(off);

export function eliminateDeadStores(fn: IrFunction): void {
  const escaped = new Set<number>();
  // What each register defined once holds: a slot's address, a value that cannot point into
  // the stack (helpers' results, loaded values, the context, maps and map values, constants),
  // or something unknown.
  const addresses = new Map<VReg, { slot: number; off: number } | "scalar" | null>();
  for (const b of fn.blocks) {
    for (const i of b.instrs) {
      if (i.op === "slot_addr") escaped.add(i.slot);
      const d = def(i);
      if (d === undefined) continue;
      const holds = i.op === "slot_addr" ? { slot: i.slot, off: i.off }
        : i.op === "call" || i.op === "load" || i.op === "arg" || i.op === "map" ||
          (i.op === "mov" && i.src.kind === "imm")
          ? "scalar"
        : null;
      addresses.set(d, addresses.has(d) ? null : holds);
    }
  }
  const all = (slot: number) => range(0, fn.slots[slot]!.size);
  const readEscaped = (live: Bytes) => {
    for (const s of escaped) live.set(s, all(s));
  };
  const read = (live: Bytes, slot: number, bits: bigint) => live.set(slot, (live.get(slot) ?? 0n) | bits);
  /** An access through register `r` at `off`: precise when r holds a slot's address. */
  const through = (live: Bytes, r: VReg, off: number, size: number) => {
    const held = addresses.get(r);
    if (held === "scalar") return;
    if (held && held.off + off >= 0) read(live, held.slot, range(held.off + off, size));
    else readEscaped(live);
  };

  /** Applies `instr` backwards to `live`; returns false when it is a dead store. */
  const step = (instr: Instr, live: Bytes): boolean => {
    switch (instr.op) {
      case "load":
        if (instr.addr.kind === "slot") read(live, instr.addr.slot, range(instr.off, instr.size));
        else through(live, instr.addr.reg, instr.off, instr.size);
        return true;
      case "store": {
        // A store through a pointer reads nothing, and is not trusted to overwrite anything.
        if (instr.addr.kind !== "slot") return true;
        const bits = range(instr.off, instr.size);
        const slot = instr.addr.slot;
        const current = live.get(slot) ?? 0n;
        if ((current & bits) === 0n) return false;
        live.set(slot, current & ~bits);
        return true;
      }
      case "atomic_add":
        if (instr.addr.kind === "slot") read(live, instr.addr.slot, range(instr.off, instr.size));
        else through(live, instr.addr.reg, instr.off, instr.size);
        return true;
      case "call": {
        const fill = filledBuffer(instr.helper);
        const ptr = fill && instr.args[fill.ptr];
        const size = fill && instr.args[fill.size];
        const held = ptr?.kind === "reg" ? addresses.get(ptr.reg) : undefined;
        const at = typeof held === "object" && held !== null ? held : undefined;
        // A helper reads through its register arguments: all of a slot whose address it is
        // given, or any escaped slot when the register's provenance is not known.
        instr.args.forEach((a, n) => {
          if (a.kind !== "reg" || (fill && n === fill.ptr && at)) return;
          const known = addresses.get(a.reg);
          if (known === "scalar") return;
          if (known) read(live, known.slot, all(known.slot));
          else readEscaped(live);
        });
        if (at && size?.kind === "imm" && at.off + Number(size.value) <= fn.slots[at.slot]!.size) {
          const bits = range(at.off, Number(size.value));
          live.set(at.slot, (live.get(at.slot) ?? 0n) & ~bits);
        }
        return true;
      }
      default:
        return true;
    }
  };

  // Bytes live at each block's exit: the union of its successors' entries.
  const liveIn = new Map<string, Bytes>(fn.blocks.map((b) => [b.label, new Map()]));
  const union = (into: Bytes, from: Bytes) => {
    for (const [s, bits] of from) into.set(s, (into.get(s) ?? 0n) | bits);
  };
  const exitOf = (label: string): Bytes => {
    const block = fn.blocks.find((b) => b.label === label)!;
    const out: Bytes = new Map();
    for (const s of successors(block.term)) union(out, liveIn.get(s) ?? new Map());
    return out;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let k = fn.blocks.length - 1; k >= 0; k--) {
      const block = fn.blocks[k]!;
      const live = exitOf(block.label);
      for (let i = block.instrs.length - 1; i >= 0; i--) step(block.instrs[i]!, live);
      const before = liveIn.get(block.label)!;
      for (const [s, bits] of live) {
        if (((before.get(s) ?? 0n) | bits) !== (before.get(s) ?? 0n)) {
          before.set(s, (before.get(s) ?? 0n) | bits);
          changed = true;
        }
      }
    }
  }
  for (const block of fn.blocks) {
    const live = exitOf(block.label);
    const kept: Instr[] = [];
    for (let i = block.instrs.length - 1; i >= 0; i--) {
      if (step(block.instrs[i]!, live)) kept.push(block.instrs[i]!);
    }
    block.instrs = kept.reverse();
  }
}
