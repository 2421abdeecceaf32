/**
 * Instruction selection and emission: allocated IR → the loader's asm instructions, with the
 * source span of every instruction kept beside it for line info and verifier errors. Two-address
 * fixes (dst = a op b becomes mov + op), spill reloads and stores, large immediates through
 * ld_imm64, the r1–r5 argument shuffle before helper calls, and fall-through jumps removed.
 */
import {
  alu32, alu64, atomic, AtomicOp, call, exit, type Instruction, ja, jmp, jmp32, label,
  type Label, ldImm64, ldMapRef, ldx, ldxsx, mov32, mov64, type Register, Size, st, stx,
} from "@ts-bpf/loader";
import { CompilerBug, type Span } from "../diagnostics/diagnostic.ts";
import type { Address, CmpOp, Instr, IrFunction, MemSize, Operand, Terminator, VReg } from "../ir/ir.ts";
import { positionsOf } from "./liveness.ts";
import type { Allocation } from "./regalloc.ts";

const R0 = 0 as Register;
const R10 = 10 as Register;
const SIZES: Record<MemSize, Size> = { 1: Size.B, 2: Size.H, 4: Size.W, 8: Size.DW };
const JUMP: Record<CmpOp, "jeq" | "jne" | "jgt" | "jge" | "jlt" | "jle" | "jsgt" | "jsge" | "jslt" | "jsle"> = {
  eq: "jeq", ne: "jne", gt: "jgt", ge: "jge", lt: "jlt", le: "jle", sgt: "jsgt", sge: "jsge",
  slt: "jslt", sle: "jsle",
};
const INVERT: Record<CmpOp, CmpOp> = {
  eq: "ne", ne: "eq", gt: "le", ge: "lt", lt: "ge", le: "gt", sgt: "sle", sge: "slt",
  slt: "sge", sle: "sgt",
};

export interface Emitted {
  items: (Instruction | Label)[];
  /** Span of each instruction in `items` (labels excluded), in order. */
  spans: (Span | undefined)[];
}

const fitsImm32 = (v: bigint) => v >= -0x80000000n && v <= 0x7fffffffn;
const signed64 = (v: bigint) => BigInt.asIntN(64, v);

export function emitFunction(fn: IrFunction, alloc: Allocation, slotOffsets: number[]): Emitted {
  const items: (Instruction | Label)[] = [];
  const spans: (Span | undefined)[] = [];
  const positions = positionsOf(fn);
  let span: Span | undefined;
  let position = 0;
  let reserved = new Set<number>();
  const put = (i: Instruction) => {
    items.push(i);
    spans.push(span);
  };

  /** A caller-saved register free at this position and not yet used by this instruction. */
  const scratch = (): Register => {
    const busy = alloc.busyAt(position);
    for (const r of [0, 1, 2, 3, 4, 5]) {
      if (!busy.has(r) && !reserved.has(r)) {
        reserved.add(r);
        return r as Register;
      }
    }
    throw new CompilerBug(`no scratch register free at position ${position} in '${fn.name}'`);
  };
  const location = (v: VReg) => {
    const loc = alloc.locations.get(v);
    if (!loc) throw new CompilerBug(`v${v} has no location in '${fn.name}'`);
    return loc;
  };
  /** The register holding v, reloading a spilled value into a scratch register. */
  const use = (v: VReg): Register => {
    const loc = location(v);
    if (loc.kind === "reg") return loc.reg as Register;
    const r = scratch();
    put(ldx(Size.DW, r, R10, slotOffsets[loc.slot]!));
    return r;
  };
  /** Where to compute v, and what to do after (store a spilled value back). */
  const define = (v: VReg): { reg: Register; done: () => void } => {
    const loc = location(v);
    if (loc.kind === "reg") return { reg: loc.reg as Register, done: () => {} };
    const r = scratch();
    return { reg: r, done: () => put(stx(Size.DW, R10, r, slotOffsets[loc.slot]!)) };
  };
  const loadImm = (dst: Register, value: bigint) => {
    const v = signed64(value);
    put(fitsImm32(v) ? mov64.imm(dst, Number(v)) : ldImm64(dst, BigInt.asUintN(64, value)));
  };
  const operandReg = (o: Operand): Register => {
    if (o.kind === "reg") return use(o.reg);
    const r = scratch();
    loadImm(r, o.value);
    return r;
  };
  const address = (a: Address, off: number): [Register, number] =>
    a.kind === "slot" ? [R10, slotOffsets[a.slot]! + off] : [use(a.reg), off];

  const instr = (i: Instr) => {
    switch (i.op) {
      case "arg": {
        const d = define(i.dst);
        const from = (1 + i.index) as Register;
        if (d.reg !== from) put(mov64.reg(d.reg, from));
        return d.done();
      }
      case "mov": {
        const d = define(i.dst);
        if (i.src.kind === "imm") {
          if (i.width === 32) put(mov32.imm(d.reg, Number(BigInt.asIntN(32, i.src.value))));
          else loadImm(d.reg, i.src.value);
        } else {
          const s = use(i.src.reg);
          if (s !== d.reg || i.width === 32) put((i.width === 32 ? mov32 : mov64).reg(d.reg, s));
        }
        return d.done();
      }
      case "movsx": {
        const s = use(i.src);
        const d = define(i.dst);
        put(alu64.movsx(d.reg, s, i.bits));
        return d.done();
      }
      case "alu": {
        const cls = i.width === 32 ? alu32 : alu64;
        const a = use(i.a);
        const b = i.b.kind === "reg" ? use(i.b.reg) : undefined;
        const d = define(i.dst);
        let target = d.reg;
        if (b !== undefined && b === d.reg && a !== d.reg) target = scratch();
        if (a !== target) put((i.width === 32 ? mov32 : mov64).reg(target, a));
        if (b !== undefined) {
          put(cls[i.alu].reg(target, b));
        } else {
          const value = signed64((i.b as { value: bigint }).value);
          if (fitsImm32(value) || i.width === 32) {
            put(cls[i.alu].imm(target, Number(i.width === 32 ? BigInt.asIntN(32, value) : value)));
          } else {
            const r = scratch();
            loadImm(r, value);
            put(cls[i.alu].reg(target, r));
          }
        }
        if (target !== d.reg) put(mov64.reg(d.reg, target));
        return d.done();
      }
      case "neg": {
        const a = use(i.a);
        const d = define(i.dst);
        if (a !== d.reg) put((i.width === 32 ? mov32 : mov64).reg(d.reg, a));
        put((i.width === 32 ? alu32 : alu64).neg(d.reg));
        return d.done();
      }
      case "load": {
        const [base, off] = address(i.addr, i.off);
        const d = define(i.dst);
        put((i.signed && i.size < 8 ? ldxsx : ldx)(SIZES[i.size], d.reg, base, off));
        return d.done();
      }
      case "store": {
        const [base, off] = address(i.addr, i.off);
        if (i.src.kind === "imm") {
          const bits = BigInt(i.size * 8);
          const value = i.size === 8 ? signed64(i.src.value) : BigInt.asIntN(Number(bits), i.src.value);
          if (fitsImm32(value)) return put(st(SIZES[i.size], base, off, Number(value)));
        }
        return put(stx(SIZES[i.size], base, operandReg(i.src), off));
      }
      case "atomic_add": {
        const [base, off] = address(i.addr, i.off);
        return put(atomic(SIZES[i.size], AtomicOp.ADD, base, use(i.src), off));
      }
      case "slot_addr": {
        const d = define(i.dst);
        put(mov64.reg(d.reg, R10));
        put(alu64.add.imm(d.reg, slotOffsets[i.slot]! + i.off));
        return d.done();
      }
      case "map": {
        const d = define(i.dst);
        put(ldMapRef(d.reg, i.map));
        return d.done();
      }
      case "call":
        return emitCall(i);
    }
  };

  /** Moves arguments into r1..r5 (a parallel move, r0 breaks cycles), calls, takes r0. */
  const emitCall = (i: Extract<Instr, { op: "call" }>) => {
    if (i.args.length > 5) throw new CompilerBug("a helper call with more than 5 arguments");
    const moves: { to: number; from: number }[] = [];
    const late: (() => void)[] = [];
    i.args.forEach((arg, n) => {
      const to = n + 1;
      if (arg.kind === "imm") {
        late.push(() => loadImm(to as Register, arg.value));
        return;
      }
      const loc = location(arg.reg);
      if (loc.kind === "spill") {
        late.push(() => put(ldx(Size.DW, to as Register, R10, slotOffsets[loc.slot]!)));
      } else if (loc.reg !== to) {
        moves.push({ to, from: loc.reg });
      }
    });
    parallelMove(moves, (to, from) => put(mov64.reg(to as Register, from as Register)));
    for (const load of late) load();
    put(call(i.helper));
    if (i.dst !== undefined) {
      position += 1;
      reserved = new Set();
      const d = define(i.dst);
      if (d.reg !== R0) put(mov64.reg(d.reg, R0));
      d.done();
    }
  };

  const terminator = (t: Terminator, next: string | undefined) => {
    switch (t.op) {
      case "br":
        if (t.target !== next) put(ja(t.target));
        return;
      case "ret":
        if (t.value.kind === "imm") loadImm(R0, t.value.value);
        else {
          const r = use(t.value.reg);
          if (r !== R0) put(mov64.reg(R0, r));
        }
        put(exit());
        return;
      case "cbr": {
        let cmp = t.cmp;
        let then = t.then;
        let otherwise = t.else;
        if (then === next) {
          cmp = INVERT[cmp];
          [then, otherwise] = [otherwise, then];
        }
        const cls = t.width === 32 ? jmp32 : jmp;
        const a = use(t.a);
        if (t.b.kind === "imm" && fitsImm32(t.width === 32 ? BigInt.asIntN(32, t.b.value)
          : signed64(t.b.value))) {
          const value = t.width === 32 ? BigInt.asIntN(32, t.b.value) : signed64(t.b.value);
          put(cls[JUMP[cmp]].imm(a, Number(value), then));
        } else {
          put(cls[JUMP[cmp]].reg(a, operandReg(t.b), then));
        }
        if (otherwise !== next) put(ja(otherwise));
        return;
      }
    }
  };

  fn.blocks.forEach((block, index) => {
    items.push(label(block.label));
    for (const i of block.instrs) {
      position = positions.get(i)!;
      reserved = new Set();
      span = i.span;
      instr(i);
    }
    position = positions.get(block.term)!;
    reserved = new Set();
    span = block.term.span;
    terminator(block.term, fn.blocks[index + 1]?.label);
  });
  return { items, spans };
}

/** Emits register moves so every `to` gets the old value of its `from`, cycles through r0. */
export function parallelMove(moves: { to: number; from: number }[],
  emit: (to: number, from: number) => void): void {
  const pending = moves.filter((m) => m.to !== m.from);
  while (pending.length) {
    const ready = pending.findIndex((m) => !pending.some((o) => o.from === m.to));
    if (ready >= 0) {
      const [m] = pending.splice(ready, 1);
      emit(m!.to, m!.from);
      continue;
    }
    // A cycle: park one source in r0 and read it from there.
    const m = pending[0]!;
    emit(0, m.from);
    for (const o of pending) if (o.from === m.from) o.from = 0;
  }
}
