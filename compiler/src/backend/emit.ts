/**
 * Instruction selection and emission: allocated IR → the loader's asm instructions, with the
 * source span of every instruction kept beside it for line info and verifier errors. By now
 * every virtual register has a register (spills are IR loads and stores) and every immediate
 * fits where it appears (`legalize.ts`), so selection is local: two-address fixes (d = a op b
 * becomes a move and an in-place op, or the op with its operands swapped when it commutes),
 * the r1–r5 argument shuffle before helper calls, and fall-through jumps removed.
 */
import {
  alu32, alu64, atomic, AtomicOp, call, exit, type Instruction, ja, jmp, jmp32, label,
  type Label, ldImm64, ldMapRef, ldx, ldxsx, mov32, mov64, Pseudo, type Register, Size, st, stx,
} from "@ts-bpf/loader";
import { CompilerBug, type Span } from "../diagnostics/diagnostic.ts";
import { type Address, type CmpOp, COMMUTATIVE, type Instr, type IrFunction, type MemSize, type Terminator,
  type VReg } from "../ir/ir.ts";
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
  let span: Span | undefined;
  const put = (i: Instruction) => {
    items.push(i);
    spans.push(span);
  };
  const regOf = (v: VReg): Register => {
    const r = alloc.registers.get(v);
    if (r === undefined) throw new CompilerBug(`v${v} has no register in '${fn.name}'`);
    return r as Register;
  };
  const loadImm = (dst: Register, value: bigint) => {
    const v = signed64(value);
    put(fitsImm32(v) ? mov64.imm(dst, Number(v)) : ldImm64(dst, BigInt.asUintN(64, value)));
  };
  const move = (to: Register, from: Register) => {
    if (to !== from) put(mov64.reg(to, from));
  };
  const address = (a: Address, off: number): [Register, number] =>
    a.kind === "slot" ? [R10, slotOffsets[a.slot]! + off] : [regOf(a.reg), off];

  const instr = (i: Instr) => {
    switch (i.op) {
      case "arg":
        throw new CompilerBug(`'arg' outside the start of '${fn.name}'`);
      case "mov": {
        const d = regOf(i.dst);
        if (i.src.kind === "imm") {
          if (i.width === 32) put(mov32.imm(d, Number(BigInt.asIntN(32, i.src.value))));
          else loadImm(d, i.src.value);
        } else {
          const s = regOf(i.src.reg);
          if (i.width === 32) put(mov32.reg(d, s));
          else move(d, s);
        }
        return;
      }
      case "movsx":
        return put(alu64.movsx(regOf(i.dst), regOf(i.src), i.bits));
      case "alu": {
        const cls = i.width === 32 ? alu32 : alu64;
        const d = regOf(i.dst);
        let a = regOf(i.a);
        let b = i.b.kind === "reg" ? regOf(i.b.reg) : undefined;
        if (b === d && a !== d) {
          // The liveness stretch keeps non-commutative operands out of the result's register.
          if (!COMMUTATIVE.has(i.alu)) throw new CompilerBug(`'${i.alu}' operand in its result's register`);
          [a, b] = [b, a];
        }
        move(d, a);
        if (b !== undefined) put(cls[i.alu].reg(d, b));
        else {
          const value = signed64((i.b as { value: bigint }).value);
          put(cls[i.alu].imm(d, Number(i.width === 32 ? BigInt.asIntN(32, value) : value)));
        }
        return;
      }
      case "neg": {
        const d = regOf(i.dst);
        move(d, regOf(i.a));
        return put((i.width === 32 ? alu32 : alu64).neg(d));
      }
      case "load": {
        const [base, off] = address(i.addr, i.off);
        return put((i.signed && i.size < 8 ? ldxsx : ldx)(SIZES[i.size], regOf(i.dst), base, off));
      }
      case "store": {
        const [base, off] = address(i.addr, i.off);
        if (i.src.kind === "imm") {
          const value = i.size === 8 ? signed64(i.src.value) : BigInt.asIntN(i.size * 8, i.src.value);
          return put(st(SIZES[i.size], base, off, Number(value)));
        }
        return put(stx(SIZES[i.size], base, regOf(i.src.reg), off));
      }
      case "atomic_add": {
        const [base, off] = address(i.addr, i.off);
        return put(atomic(SIZES[i.size], AtomicOp.ADD, base, regOf(i.src), off));
      }
      case "slot_addr": {
        const d = regOf(i.dst);
        put(mov64.reg(d, R10));
        put(alu64.add.imm(d, slotOffsets[i.slot]! + i.off));
        return;
      }
      case "map":
        // An address in global data: the relocation's addend (the offset) goes in the low
        // immediate, where loaders read it (libbpf, ours); they put the fd there.
        return put(i.value === undefined ? ldMapRef(regOf(i.dst), i.map)
          : { ...ldImm64(regOf(i.dst), BigInt(i.value), Pseudo.MAP_VALUE), mapRef: i.map });
      case "call":
        return emitCall(i);
    }
  };

  /** Moves arguments into r1..r5 (a parallel move, r0 breaks cycles), calls, takes r0. */
  const emitCall = (i: Extract<Instr, { op: "call" }>) => {
    if (i.args.length > 5) throw new CompilerBug("a helper call with more than 5 arguments");
    const moves: { to: number; from: number }[] = [];
    i.args.forEach((arg, n) => {
      if (arg.kind === "reg") moves.push({ to: n + 1, from: regOf(arg.reg) });
    });
    parallelMove(moves, (to, from) => put(mov64.reg(to as Register, from as Register)));
    i.args.forEach((arg, n) => {
      if (arg.kind === "imm") loadImm((n + 1) as Register, arg.value);
    });
    put(call(i.helper));
    if (i.dst !== undefined) move(regOf(i.dst), R0);
  };

  const terminator = (t: Terminator, next: string | undefined) => {
    switch (t.op) {
      case "br":
        if (t.target !== next) put(ja(t.target));
        return;
      case "ret":
        if (t.value.kind === "imm") loadImm(R0, t.value.value);
        else move(R0, regOf(t.value.reg));
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
        const a = regOf(t.a);
        if (t.b.kind === "imm") {
          const value = t.width === 32 ? BigInt.asIntN(32, t.b.value) : signed64(t.b.value);
          put(cls[JUMP[cmp]].imm(a, Number(value), then));
        } else {
          put(cls[JUMP[cmp]].reg(a, regOf(t.b.reg), then));
        }
        if (otherwise !== next) put(ja(otherwise));
        return;
      }
    }
  };

  fn.blocks.forEach((block, index) => {
    items.push(label(block.label));
    let k = 0;
    if (index === 0) {
      // The program's arguments arrive in r1..r5: take them all at once, before anything
      // else can overwrite those registers.
      const moves: { to: number; from: number }[] = [];
      for (; block.instrs[k]?.op === "arg"; k++) {
        const a = block.instrs[k] as Extract<Instr, { op: "arg" }>;
        span = a.span;
        moves.push({ to: regOf(a.dst), from: 1 + a.index });
      }
      parallelMove(moves, (to, from) => put(mov64.reg(to as Register, from as Register)));
    }
    for (; k < block.instrs.length; k++) {
      const i = block.instrs[k]!;
      span = i.span;
      instr(i);
    }
    span = block.term.span;
    terminator(block.term, fn.blocks[index + 1]?.label);
  });
  return { items, spans };
}

/**
 * Emits register moves so every `to` gets the old value of its `from`. Cycles go through r0,
 * which must then be no move's source (the allocator keeps helper arguments out of r0, and
 * program arguments are never in it).
 */
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
    if (pending.some((o) => o.from === 0 || o.to === 0)) {
      throw new CompilerBug("a register cycle through r0 in an argument shuffle");
    }
    emit(0, m.from);
    for (const o of pending) if (o.from === m.from) o.from = 0;
  }
}
