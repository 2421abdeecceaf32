/**
 * Common subexpression elimination. Inside each block, a pure computation (arithmetic,
 * conversions, a map or stack-slot address, a load not disturbed since) that was already
 * computed becomes a copy of the earlier result, and a load of what a store just wrote to a
 * stack slot becomes the stored value (truncated or extended to the load's size). Across blocks, a call to a helper whose result
 * is fixed for the whole run (the current task's ids: `pid()`, `tid()`, `uid()` …) reuses the
 * result of a dominating call.
 *
 * Cheap values (addresses, map references, loads) are not reused across a helper call: that
 * would keep them alive through the call in one of the four callee-saved registers, and
 * recomputing them costs as little as moving them back.
 */
import { buildCfg } from "../ir/cfg.ts";
import { computeDominators } from "../ir/dominators.ts";
import { COMMUTATIVE, def, type Instr, type IrFunction, type Operand, type VReg } from "../ir/ir.ts";
import { isInvariantHelper } from "../ir/helper_effects.ts";

interface Available {
  /** The register holding the value (or, for a forwarded store of a constant, none). */
  holder?: VReg;
  version: number;
  /** Builds the instruction that replaces a repeat defining `dst` (a copy by default). */
  replace?: (dst: VReg) => Instr;
  /** Recomputed rather than reused after a helper call. */
  cheap: boolean;
  /** A load: what memory it read (so stores can invalidate it). */
  memory?: { kind: "slot"; slot: number; off: number; size: number } | { kind: "pointer" } | { kind: "context" };
}

export function eliminateCommon(fn: IrFunction): void {
  const contexts = new Set<VReg>();
  const defCount = new Map<VReg, number>();
  for (const b of fn.blocks) {
    for (const i of b.instrs) {
      const d = def(i);
      if (d !== undefined) defCount.set(d, (defCount.get(d) ?? 0) + 1);
    }
  }
  // The context (argument 0) is read-only memory for every program type a probe compiles to.
  for (const b of fn.blocks) {
    for (const i of b.instrs) {
      if (i.op === "arg" && i.index === 0 && defCount.get(i.dst) === 1) contexts.add(i.dst);
    }
  }
  for (const block of fn.blocks) eliminateInBlock(block.instrs, contexts);
  reuseInvariantCalls(fn, defCount);
}

function eliminateInBlock(instrs: Instr[], contexts: Set<VReg>): void {
  let counter = 0;
  const versions = new Map<VReg, number>();
  const version = (v: VReg) => versions.get(v) ?? 0;
  const table = new Map<string, Available>();
  const name = (o: Operand) => (o.kind === "imm" ? `#${BigInt.asUintN(64, o.value)}` : `v${o.reg}@${version(o.reg)}`);
  const reg = (v: VReg) => name({ kind: "reg", reg: v });

  const keyOf = (i: Instr): { key: string; cheap: boolean; memory?: Available["memory"] } | undefined => {
    switch (i.op) {
      case "alu": {
        let operands = [reg(i.a), name(i.b)];
        if (COMMUTATIVE.has(i.alu)) operands = operands.sort();
        return { key: `${i.alu}${i.width} ${operands.join(" ")}`, cheap: false };
      }
      case "neg": return { key: `neg${i.width} ${reg(i.a)}`, cheap: false };
      case "movsx": return { key: `s${i.bits} ${reg(i.src)}`, cheap: false };
      case "mov":
        return i.width === 32 && i.src.kind === "reg" ? { key: `u32 ${reg(i.src.reg)}`, cheap: false } : undefined;
      case "slot_addr": return { key: `&slot${i.slot}+${i.off}`, cheap: true };
      case "map": return { key: `map ${i.map}${i.value === undefined ? "" : `+${i.value}`}`, cheap: true };
      case "load": {
        const where = i.addr.kind === "slot" ? `slot${i.addr.slot}` : reg(i.addr.reg);
        const memory: Available["memory"] = i.addr.kind === "slot"
          ? { kind: "slot", slot: i.addr.slot, off: i.off, size: i.size }
          : contexts.has(i.addr.reg) ? { kind: "context" } : { kind: "pointer" };
        return { key: `load${i.size}${i.signed ? "s" : "u"} ${where}+${i.off}`, cheap: true, memory };
      }
      default: return undefined;
    }
  };
  const forget = (test: (a: Available) => boolean) => {
    for (const [k, a] of table) if (test(a)) table.delete(k);
  };

  for (let index = 0; index < instrs.length; index++) {
    const i = instrs[index]!;
    const found = keyOf(i);
    const hit = found && table.get(found.key);
    if (hit && (hit.holder === undefined || version(hit.holder) === hit.version) && "dst" in i &&
      i.dst !== undefined) {
      instrs[index] = { ...(hit.replace?.(i.dst) ??
        { op: "mov", dst: i.dst, src: { kind: "reg", reg: hit.holder! }, width: 64 }), span: i.span } as Instr;
    }
    // Memory effects: stores and atomics may change what loads read (the context excepted);
    // helper calls may also write any buffer they were given, and end cheap reuse.
    if (i.op === "store" || i.op === "atomic_add") {
      // A store to a slot changes the bytes it writes, and whatever a pointer may reach; a
      // store through a pointer may change any slot whose address was taken.
      const slot = i.addr.kind === "slot" ? i.addr.slot : undefined;
      const [from, to] = [i.off, i.off + i.size];
      forget((a) => a.memory !== undefined && (a.memory.kind === "pointer" ||
        (a.memory.kind === "slot" && (slot === undefined || (a.memory.slot === slot &&
          a.memory.off < to && from < a.memory.off + a.memory.size)))));
    } else if (i.op === "call") {
      forget((a) => a.cheap || (a.memory !== undefined && a.memory.kind !== "context"));
    }
    const current = instrs[index]!;
    const d = def(current);
    if (d !== undefined) {
      versions.set(d, ++counter);
      if (found && current === i) table.set(found.key, { holder: d, version: counter, cheap: found.cheap,
        memory: found.memory });
    }
    if (i.op === "store" && i.addr.kind === "slot") forwardStore(i, table, version);
  }
}

/**
 * After `store.N [slot + off], x`, a load of the same N bytes there reads x back: as x itself
 * (8 bytes), or x truncated or sign-extended to N bytes. The store has just forgotten whatever
 * was known about the slot.
 */
function forwardStore(store: Extract<Instr, { op: "store" }>, table: Map<string, Available>,
  version: (v: VReg) => number): void {
  const slot = (store.addr as { slot: number }).slot;
  const where = `slot${slot}+${store.off}`;
  const src = store.src;
  const size = store.size;
  const bits = size * 8;
  const memory = { kind: "slot" as const, slot, off: store.off, size };
  const holder = src.kind === "reg" ? src.reg : undefined;
  const base = { holder, version: holder === undefined ? 0 : version(holder), cheap: true, memory };
  const constant = (signed: boolean) => (dst: VReg): Instr => ({ op: "mov", dst, width: 64, src: {
    kind: "imm", value: signed ? BigInt.asIntN(bits, (src as { value: bigint }).value)
      : BigInt.asUintN(bits, (src as { value: bigint }).value) } });
  table.set(`load${size}u ${where}`, { ...base, replace: holder === undefined ? constant(false)
    : size === 8 ? undefined
    : size === 4 ? (dst) => ({ op: "mov", dst, src: { kind: "reg", reg: holder }, width: 32 })
    : (dst) => ({ op: "alu", alu: "and", dst, a: holder, b: { kind: "imm", value: (1n << BigInt(bits)) - 1n },
      width: 64 }) });
  if (size < 8) {
    table.set(`load${size}s ${where}`, { ...base, replace: holder === undefined ? constant(true)
      : (dst) => ({ op: "movsx", dst, src: holder, bits: bits as 8 | 16 | 32 }) });
  }
}

/** A call to an invariant helper reuses the result of an earlier call that dominates it. */
function reuseInvariantCalls(fn: IrFunction, defCount: Map<VReg, number>): void {
  const calls: { helper: number; block: string; index: number; dst: VReg }[] = [];
  // In reverse postorder, a dominating call is always seen before the calls it dominates.
  for (const b of buildCfg(fn).reversePostorder) {
    b.instrs.forEach((i, index) => {
      if (i.op === "call" && isInvariantHelper(i.helper) && i.args.length === 0 &&
        i.dst !== undefined && defCount.get(i.dst) === 1) {
        calls.push({ helper: i.helper, block: b.label, index, dst: i.dst });
      }
    });
  }
  if (calls.length < 2) return;
  const dominators = computeDominators(fn);
  const byLabel = new Map(fn.blocks.map((b) => [b.label, b]));
  const kept: typeof calls = [];
  for (const c of calls) {
    const earlier = kept.find((k) => k.helper === c.helper &&
      (k.block === c.block ? k.index < c.index : dominators.dominates(k.block, c.block)));
    if (!earlier) {
      kept.push(c);
      continue;
    }
    const block = byLabel.get(c.block)!;
    const call = block.instrs[c.index]!;
    block.instrs[c.index] = { op: "mov", dst: c.dst, src: { kind: "reg", reg: earlier.dst }, width: 64,
      span: call.span };
  }
}
