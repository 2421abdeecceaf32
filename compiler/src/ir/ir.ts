/**
 * The compiler's IR: functions of basic blocks over virtual registers, close to eBPF but with
 * unlimited registers, symbolic labels, stack slots instead of frame offsets, and a source span
 * on every instruction. Every virtual register holds 64 bits; narrower DSL integers are kept
 * canonical (zero-extended when unsigned, sign-extended when signed) by the frontend, so
 * 64-bit compares are always right.
 */
import type { Span } from "../diagnostics/diagnostic.ts";

export type VReg = number;

/** An operand: a virtual register or a 64-bit immediate (as an unsigned or signed bigint). */
export type Operand = { kind: "reg"; reg: VReg } | { kind: "imm"; value: bigint };

export type AluOp = "add" | "sub" | "mul" | "div" | "sdiv" | "mod" | "smod" | "or" | "and" |
  "xor" | "lsh" | "rsh" | "arsh";

/** ALU operations where `a op b` = `b op a`. */
export const COMMUTATIVE: ReadonlySet<AluOp> = new Set<AluOp>(["add", "mul", "or", "and", "xor"]);

export type CmpOp = "eq" | "ne" | "gt" | "ge" | "lt" | "le" | "sgt" | "sge" | "slt" | "sle";

/** Where a load or store goes: a pointer in a register, or a stack slot. */
export type Address = { kind: "reg"; reg: VReg } | { kind: "slot"; slot: number };

export type Width = 32 | 64;
export type MemSize = 1 | 2 | 4 | 8;

export type Instr =
  /** dst = the function's argument `index` (r1 + index at entry). */
  | { op: "arg"; dst: VReg; index: number; span?: Span }
  /** dst = src (64-bit; 32-bit zero-extends). */
  | { op: "mov"; dst: VReg; src: Operand; width: Width; span?: Span }
  /** dst = (sN) src: sign-extends the low `bits` (8, 16, 32) of src. */
  | { op: "movsx"; dst: VReg; src: VReg; bits: 8 | 16 | 32; span?: Span }
  /** dst = a op b. */
  | { op: "alu"; alu: AluOp; dst: VReg; a: VReg; b: Operand; width: Width; span?: Span }
  | { op: "neg"; dst: VReg; a: VReg; width: Width; span?: Span }
  /** dst = *(size *)(addr + off); `signed` sign-extends. */
  | { op: "load"; dst: VReg; addr: Address; off: number; size: MemSize; signed?: boolean;
    span?: Span }
  | { op: "store"; addr: Address; off: number; size: MemSize; src: Operand; span?: Span }
  /** lock *(size *)(addr + off) += src. */
  | { op: "atomic_add"; addr: Address; off: number; size: 4 | 8; src: VReg; span?: Span }
  /** dst = address of stack slot + off. */
  | { op: "slot_addr"; dst: VReg; slot: number; off: number; span?: Span }
  /** dst = the map (ld_imm64 map reference); with `value`, the address of byte `value` of
   * the map's one value instead (a global-data map, BPF_PSEUDO_MAP_VALUE). */
  | { op: "map"; dst: VReg; map: string; value?: number; span?: Span }
  /** dst = helper(args...). Arguments go to r1..r5; r0..r5 are clobbered. */
  | { op: "call"; helper: number; args: Operand[]; dst?: VReg; span?: Span };

export type Terminator =
  | { op: "br"; target: string; span?: Span }
  | { op: "cbr"; cmp: CmpOp; a: VReg; b: Operand; width: Width; then: string; else: string;
    span?: Span }
  | { op: "ret"; value: Operand; span?: Span };

export interface Block {
  label: string;
  instrs: Instr[];
  term: Terminator;
  /** Rarely run (a full ring buffer's drop count): laid out after the other blocks, so the
   * common path falls through. */
  cold?: boolean;
}

export interface StackSlot {
  size: number;
  align: number;
  /** What lives there, for the stack-budget message ("local 'event'", "spill"). */
  name: string;
  span?: Span;
}

export interface IrFunction {
  name: string;
  blocks: Block[];
  slots: StackSlot[];
  /** One past the highest virtual register number used. */
  vregCount: number;
}

export const reg = (r: VReg): Operand => ({ kind: "reg", reg: r });
export const imm = (value: bigint | number): Operand => ({ kind: "imm", value: BigInt(value) });

/** Registers an instruction reads. */
export function uses(instr: Instr | Terminator): VReg[] {
  const out: VReg[] = [];
  const operand = (o: Operand) => o.kind === "reg" && out.push(o.reg);
  const address = (a: Address) => a.kind === "reg" && out.push(a.reg);
  switch (instr.op) {
    case "mov": operand(instr.src); break;
    case "movsx": out.push(instr.src); break;
    case "alu": out.push(instr.a); operand(instr.b); break;
    case "neg": out.push(instr.a); break;
    case "load": address(instr.addr); break;
    case "store": address(instr.addr); operand(instr.src); break;
    case "atomic_add": address(instr.addr); out.push(instr.src); break;
    case "call": instr.args.forEach(operand); break;
    case "cbr": out.push(instr.a); operand(instr.b); break;
    case "ret": operand(instr.value); break;
  }
  return out;
}

/** The register an instruction writes, if any. */
export function def(instr: Instr): VReg | undefined {
  switch (instr.op) {
    case "store": case "atomic_add": return undefined;
    case "call": return instr.dst;
    default: return instr.dst;
  }
}

/** Whether an instruction has effects beyond writing its destination. */
export function hasSideEffects(instr: Instr): boolean {
  return instr.op === "store" || instr.op === "atomic_add" || instr.op === "call" ||
    instr.op === "arg";
}

/** Labels a terminator may jump to. */
export function successors(term: Terminator): string[] {
  switch (term.op) {
    case "br": return [term.target];
    case "cbr": return [term.then, term.else];
    case "ret": return [];
  }
}
