/**
 * When each stack slot is in use, as an interval of instruction positions in the order the
 * blocks are emitted, so that frame.ts can give slots in use at different times the same bytes
 * (clang's stack colouring): a handler with many short-lived temporaries (a helper's result, a
 * record built in one branch, a key in another) then fits eBPF's 512 bytes.
 *
 * A slot is in use wherever it is loaded or stored, wherever its address is taken, and wherever
 * a register that may hold its address is read: the address flows through copies and
 * arithmetic, through other slots it is stored into (a spilled pointer), and into helper calls
 * (the kernel writes a probe_read's result, or reads a map key, there). The interval runs from
 * the first such position to the last. A loop (a jump to an earlier position) that overlaps an
 * interval stretches it over the whole loop, since a value written in one iteration may be read
 * in the next; any path between two positions stays inside the interval they span, because a
 * path leaves a range only through a jump backwards, which is such a loop. Conservative, never
 * wrong: two slots share bytes only if no path reads one while the other holds a value.
 */
import { def, type Instr, type IrFunction, successors, type Terminator, uses } from "../ir/ir.ts";

/** First and last position at which a slot is in use; `start > end` when it never is. */
export interface Lifetime {
  start: number;
  end: number;
}

export function slotLifetimes(fn: IrFunction): Lifetime[] {
  const items: (Instr | Terminator)[] = [];
  const blockStart = new Map<string, number>();
  const jumps: { from: number; to: string }[] = [];
  for (const block of fn.blocks) {
    blockStart.set(block.label, items.length);
    items.push(...block.instrs, block.term);
    for (const target of successors(block.term)) jumps.push({ from: items.length - 1, to: target });
  }

  const held = addressesHeld(fn, items);
  const lifetimes: Lifetime[] = fn.slots.map(() => ({ start: Infinity, end: -Infinity }));
  const touch = (slot: number, at: number) => {
    const l = lifetimes[slot]!;
    if (at < l.start) l.start = at;
    if (at > l.end) l.end = at;
  };
  items.forEach((item, at) => {
    const direct = directSlot(item);
    if (direct !== undefined) touch(direct, at);
    for (const r of uses(item)) for (const slot of held[r] ?? []) touch(slot, at);
  });

  // Loops: a backward jump from `from` to `to` makes [to, from] one range for every interval
  // that overlaps it. Repeated until nothing grows (loops can nest and chain).
  const loops = jumps.map((j) => ({ from: j.from, to: blockStart.get(j.to)! })).filter((j) => j.to <= j.from);
  for (let grew = true; grew;) {
    grew = false;
    for (const l of lifetimes) {
      if (l.start > l.end) continue;
      for (const loop of loops) {
        if (loop.to > l.end || loop.from < l.start) continue;
        if (loop.to < l.start || loop.from > l.end) {
          l.start = Math.min(l.start, loop.to);
          l.end = Math.max(l.end, loop.from);
          grew = true;
        }
      }
    }
  }
  return lifetimes;
}

/** The slot an instruction names itself (a slot address, or a load or store at a slot). */
function directSlot(item: Instr | Terminator): number | undefined {
  switch (item.op) {
    case "slot_addr": return item.slot;
    case "load": case "store": case "atomic_add": return item.addr.kind === "slot" ? item.addr.slot : undefined;
    default: return undefined;
  }
}

/**
 * Which slots' addresses each register may hold (following them through the slots they are
 * stored into, a spilled pointer): computed to a fixed point over the whole function, ignoring
 * order (registers are not SSA here: spill code reuses them), so it may only say too much.
 */
function addressesHeld(fn: IrFunction, items: (Instr | Terminator)[]): Set<number>[] {
  const registers: Set<number>[] = [];
  const inSlots: Set<number>[] = fn.slots.map(() => new Set<number>());
  const add = (into: Set<number>, from: Iterable<number>): boolean => {
    let grew = false;
    for (const s of from) {
      if (!into.has(s)) {
        into.add(s);
        grew = true;
      }
    }
    return grew;
  };
  const ofRegister = (r: number) => registers[r] ??= new Set<number>();
  for (let grew = true; grew;) {
    grew = false;
    for (const item of items) {
      if (item.op === "br" || item.op === "cbr" || item.op === "ret") continue;
      const instr = item as Instr;
      if (instr.op === "slot_addr") {
        grew = add(ofRegister(instr.dst), [instr.slot]) || grew;
        continue;
      }
      // What the addressed memory may hold: a slot named directly, or the slots a register
      // address may point at.
      const pointed = instr.op === "load" || instr.op === "store" || instr.op === "atomic_add"
        ? instr.addr.kind === "slot" ? [instr.addr.slot] : [...(registers[instr.addr.reg] ?? [])]
        : [];
      if (instr.op === "store" && instr.src.kind === "reg") {
        for (const slot of pointed) grew = add(inSlots[slot]!, registers[instr.src.reg] ?? []) || grew;
        continue;
      }
      const dst = def(instr);
      if (dst === undefined) continue;
      if (instr.op === "load") {
        for (const slot of pointed) grew = add(ofRegister(dst), inSlots[slot]!) || grew;
        continue;
      }
      // Copies and arithmetic keep an address (a helper's result is never one of ours).
      if (instr.op === "call") continue;
      for (const r of uses(instr)) grew = add(ofRegister(dst), registers[r] ?? []) || grew;
    }
  }
  return registers;
}
