/**
 * Shared key slots: a map key written to the stack a second time, with the same bytes, reuses the
 * first copy. `started.get(tid())` and then `started.delete(tid())` each build their key in a
 * fresh slot; C writes `&tid` once and hands the same address to both calls. A slot qualifies
 * when it is written only by plain stores, all in one block before its address is taken, and its
 * address is given only to helper arguments that read a key or a value (lookup, update, delete),
 * so its bytes never change once built. A later slot of the same size built by the same stores
 * (same offsets, sizes and values: constants, or registers defined once in the function, so
 * they hold the same value wherever they are read), in a block the first one's block dominates,
 * is replaced by the first: its stores go, and its address becomes the first slot's. Slots
 * built alike where neither comes first on every path (keys in two branches, or in an `if` and
 * after it) are built once instead, at the end of the block that dominates them all, when the
 * values they store are known there: C code that passes `&key` to every call does the same. The
 * register a key was built from then need not live until the later calls, which also frees it
 * for other uses.
 */
import { Helper } from "@ts-bpf/loader";
import { computeDominators } from "../ir/dominators.ts";
import { type Block, def, type Instr, type IrFunction, uses, type VReg } from "../ir/ir.ts";

/** Helper argument positions that only read the memory they point to (map keys and values). */
const READ_ONLY_ARGS: ReadonlyMap<number, readonly number[]> = new Map([
  [Helper.map_lookup_elem, [1]],
  [Helper.map_update_elem, [1, 2]],
  [Helper.map_delete_elem, [1]],
]);

interface SlotUse {
  block: Block;
  /** Index in the block of the first store and of the first address taken. */
  firstStore: number;
  firstAddress: number;
  /** What each store writes, as a constant or the register it comes down to (see storedRegister). */
  values: (VReg | bigint)[];
  addresses: Extract<Instr, { op: "slot_addr" }>[];
  stores: Extract<Instr, { op: "store" }>[];
}

export function shareKeySlots(fn: IrFunction): void {
  const defCount = new Map<VReg, number>();
  const definition = new Map<VReg, Instr>();
  const definedIn = new Map<VReg, string>();
  const readers = new Map<VReg, { instr: Instr | Block["term"]; arg?: number }[]>();
  for (const b of fn.blocks) {
    for (const i of b.instrs) {
      const d = def(i);
      if (d !== undefined) {
        defCount.set(d, (defCount.get(d) ?? 0) + 1);
        definition.set(d, i);
        definedIn.set(d, b.label);
      }
      for (const r of uses(i)) {
        const list = readers.get(r) ?? [];
        if (i.op === "call") {
          i.args.forEach((a, arg) => a.kind === "reg" && a.reg === r && list.push({ instr: i, arg }));
        } else list.push({ instr: i });
        readers.set(r, list);
      }
    }
    for (const r of uses(b.term)) readers.set(r, [...readers.get(r) ?? [], { instr: b.term }]);
  }
  const onlyKeyReads = (address: VReg) => (readers.get(address) ?? []).every(({ instr, arg }) =>
    instr.op === "call" && arg !== undefined && (READ_ONLY_ARGS.get(instr.helper)?.includes(arg) ?? false));

  // Which slots qualify, and what they hold.
  const bySlot = new Map<number, SlotUse | null>();
  for (const block of fn.blocks) {
    block.instrs.forEach((i, index) => {
      const slot = slotOf(i);
      if (slot === undefined) return;
      let use = bySlot.get(slot);
      if (use === null) return;
      if (use === undefined) {
        use = { block, firstStore: -1, firstAddress: -1, values: [], addresses: [], stores: [] };
        bySlot.set(slot, use);
      }
      const disqualify = () => bySlot.set(slot, null);
      if (use.block !== block || i.op === "load" || i.op === "atomic_add") return disqualify();
      if (i.op === "store") {
        if (use.firstAddress >= 0) return disqualify(); // written after its address was taken
        const value = i.src.kind === "imm" ? i.src.value : storedRegister(i.src.reg, i.size);
        if (value === undefined) return disqualify();
        if (use.firstStore < 0) use.firstStore = index;
        use.values.push(value);
        use.stores.push(i);
      } else if (i.op === "slot_addr") {
        if (i.off !== 0 || !onlyKeyReads(i.dst)) return disqualify();
        if (use.firstAddress < 0) use.firstAddress = index;
        use.addresses.push(i);
      }
    });
  }

  /**
   * The register whose low `size` bytes a store of `r` writes, looking through copies and
   * truncations or sign extensions that keep those bytes (`(u32) v1` stores v1's low 4 bytes),
   * as a name that means the same value everywhere: a register defined once. Undefined if none.
   */
  function storedRegister(r: VReg, size: number): VReg | undefined {
    if (defCount.get(r) !== 1) return undefined;
    const d = definition.get(r)!;
    const keeps = (d.op === "mov" && d.src.kind === "reg" && d.width / 8 >= size) ||
      (d.op === "movsx" && d.bits / 8 >= size);
    if (keeps) {
      const source = d.op === "mov" ? (d.src as { reg: VReg }).reg : (d as { src: VReg }).src;
      return storedRegister(source, size) ?? r;
    }
    return r;
  }

  const dominators = computeDominators(fn);
  const groups = new Map<string, { slot: number; use: SlotUse }[]>();
  for (const [slot, use] of bySlot) {
    if (!use || use.stores.length === 0 || use.addresses.length === 0) continue;
    // Same size, and the same stores: offsets, sizes and values.
    const key = `${fn.slots[slot]!.size}|${use.stores.map((st, n) => {
      const v = use.values[n]!;
      return `${st.off}:${st.size}:${typeof v === "bigint" ? `#${v}` : `v${v}`}`;
    }).join(",")}`;
    groups.set(key, [...groups.get(key) ?? [], { slot, use }]);
  }
  for (const members of groups.values()) {
    const kept: { slot: number; use: SlotUse }[] = [];
    for (const m of members) {
      const first = kept.find((k) => dominates(k.use, m.use));
      if (first) replace(m, first);
      else kept.push(m);
    }
    if (kept.length > 1) hoist(kept);
  }

  // A slot given no room must have no reference left: one would read another slot's bytes.
  for (const b of fn.blocks) {
    for (const i of b.instrs) {
      const slot = slotOf(i);
      if (slot !== undefined && fn.slots[slot]!.size === 0) {
        throw new Error(`compiler bug: share-key-slots left a reference to removed slot${slot} in ${fn.name}`);
      }
    }
  }

  /**
   * Slot `m` is not needed: its stores go and its addresses become `by`'s (and stay in its list,
   * so a later replacement of `by` moves them too).
   */
  function replace(m: { slot: number; use: SlotUse }, by: { slot: number; use: SlotUse }): void {
    for (const s of m.use.stores) m.use.block.instrs.splice(m.use.block.instrs.indexOf(s), 1);
    for (const a of m.use.addresses) a.slot = by.slot;
    by.use.addresses.push(...m.use.addresses);
    // Nothing refers to it any more: it takes no room in the frame.
    fn.slots[m.slot] = { ...fn.slots[m.slot]!, size: 0, align: 1 };
  }

  /** Builds `kept[0]` once where all of them are dominated, and uses it for all. */
  function hoist(kept: { slot: number; use: SlotUse }[]): void {
    let at = kept[0]!.use.block.label;
    for (const k of kept.slice(1)) {
      while (!dominators.dominates(at, k.use.block.label)) at = dominators.idom.get(at)!;
    }
    const values = kept[0]!.use.values;
    const known = values.every((v) => typeof v === "bigint" || dominators.dominates(definedIn.get(v)!, at));
    if (!known || kept.some((k) => k.use.block.label === at)) return;
    const block = fn.blocks.find((b) => b.label === at)!;
    const [first, ...rest] = kept;
    first!.use.stores.forEach((s, n) => {
      first!.use.block.instrs.splice(first!.use.block.instrs.indexOf(s), 1);
      const v = values[n]!;
      block.instrs.push({ ...s, src: typeof v === "bigint" ? { kind: "imm", value: v } : { kind: "reg", reg: v } });
    });
    for (const k of rest) replace(k, first!);
  }

  /** Whether `a` is built before `b` is used on every path. */
  function dominates(a: SlotUse, b: SlotUse): boolean {
    if (a.block === b.block) return a.firstAddress >= 0 && a.firstAddress < b.firstStore;
    return dominators.dominates(a.block.label, b.block.label);
  }
}

/** The stack slot an instruction reads, writes or takes the address of, if any. */
function slotOf(i: Instr): number | undefined {
  if (i.op === "slot_addr") return i.slot;
  if ((i.op === "store" || i.op === "load" || i.op === "atomic_add") && i.addr.kind === "slot") return i.addr.slot;
  return undefined;
}
