/**
 * Jump and call builders: conditional jumps (`jmp.jeq.imm(R1, 0, "out")`), `ja`, `gotol`,
 * `mayGoto`, helper, bpf-to-bpf and kfunc calls, and `exit`. A jump target is a slot offset
 * or a label name that `assemble()` resolves. Part of the assembler (see assembler.ts).
 */
import { checkImm32, checkOff16, checkReg, make } from "./builder_fields.ts";
import type { Instruction } from "./instruction.ts";
import { Class, JmpOp, MAY_GOTO, PseudoCall, type Register, Source } from "./opcodes.ts";

/** Where a jump goes: a slot offset relative to the next instruction, or a label name. */
export type JumpTarget = number | string;

/** A conditional jump's immediate and register forms. */
export interface JumpOperation {
  /** `if dst op imm goto target`. */
  imm(dst: Register, imm: number, target: JumpTarget): Instruction;
  /** `if dst op src goto target`. */
  reg(dst: Register, src: Register, target: JumpTarget): Instruction;
}

/** The conditional jumps of one class: `jmp.jgt.imm(R1, 5, 3)` is `if r1 > 0x5 goto pc+3`. */
export interface JumpClass {
  jeq: JumpOperation;
  jgt: JumpOperation;
  jge: JumpOperation;
  jset: JumpOperation;
  jne: JumpOperation;
  jsgt: JumpOperation;
  jsge: JumpOperation;
  jlt: JumpOperation;
  jle: JumpOperation;
  jslt: JumpOperation;
  jsle: JumpOperation;
}

/** The instruction with its target in `off`, or named in `jumpTarget`. */
function to(instruction: Instruction, target: JumpTarget): Instruction {
  return typeof target === "number"
    ? { ...instruction, off: checkOff16(target) }
    : { ...instruction, jumpTarget: target };
}

/** The instruction with its target in `imm`, or named in `field`. */
function toImm(
  instruction: Instruction,
  target: JumpTarget,
  field: "jumpTarget" | "callTarget",
): Instruction {
  return typeof target === "number"
    ? { ...instruction, imm: checkImm32(target) }
    : { ...instruction, [field]: target };
}

function jumpOperation(cls: number, op: number): JumpOperation {
  return {
    imm: (dst, imm, target) =>
      to(make(cls | op | Source.K, checkReg(dst, "dst"), 0, 0, checkImm32(imm)), target),
    reg: (dst, src, target) =>
      to(make(cls | op | Source.X, checkReg(dst, "dst"), checkReg(src, "src")), target),
  };
}

function jumpClass(cls: number): JumpClass {
  return {
    jeq: jumpOperation(cls, JmpOp.JEQ),
    jgt: jumpOperation(cls, JmpOp.JGT),
    jge: jumpOperation(cls, JmpOp.JGE),
    jset: jumpOperation(cls, JmpOp.JSET),
    jne: jumpOperation(cls, JmpOp.JNE),
    jsgt: jumpOperation(cls, JmpOp.JSGT),
    jsge: jumpOperation(cls, JmpOp.JSGE),
    jlt: jumpOperation(cls, JmpOp.JLT),
    jle: jumpOperation(cls, JmpOp.JLE),
    jslt: jumpOperation(cls, JmpOp.JSLT),
    jsle: jumpOperation(cls, JmpOp.JSLE),
  };
}

/** 64-bit conditional jumps (class JMP). */
export const jmp: JumpClass = jumpClass(Class.JMP);
/** 32-bit conditional jumps (class JMP32; compare the low halves, print as `w`). */
export const jmp32: JumpClass = jumpClass(Class.JMP32);

/** `goto pc+off`: unconditional jump with a 16-bit offset. */
export function ja(target: JumpTarget): Instruction {
  return to(make(Class.JMP | JmpOp.JA), target);
}

/** `gotol pc+imm`: unconditional jump with a 32-bit offset (JMP32 JA). Kernel 6.6. */
export function gotol(target: JumpTarget): Instruction {
  return toImm(make(Class.JMP32 | JmpOp.JA), target, "jumpTarget");
}

/** `may_goto pc+off`: jump once the loop budget is spent (BPF_JCOND). Kernel 6.9. */
export function mayGoto(target: JumpTarget): Instruction {
  return to(make(Class.JMP | JmpOp.JCOND, 0, MAY_GOTO), target);
}

/** `call bpf_<name>#id`: call a helper, e.g. `call(Helper.map_lookup_elem)`. */
export function call(helperId: number): Instruction {
  return make(Class.JMP | JmpOp.CALL, 0, 0, 0, checkImm32(helperId, "helper id"));
}

/**
 * `call pc+imm`: bpf-to-bpf call (BPF_PSEUDO_CALL), by slot offset or by function name. A name
 * that is a label of the same `assemble()` input is resolved there; any other name stays in
 * `callTarget` for the linker (see references.ts).
 */
export function callLocal(target: JumpTarget): Instruction {
  return toImm(make(Class.JMP | JmpOp.CALL, 0, PseudoCall.CALL), target, "callTarget");
}

/** `call name#btf_id`: kfunc call (BPF_PSEUDO_KFUNC_CALL), by BTF id or by name patched at load. */
export function callKfunc(target: number | string): Instruction {
  return toImm(make(Class.JMP | JmpOp.CALL, 0, PseudoCall.KFUNC_CALL), target, "callTarget");
}

/** `exit`: return r0. */
export function exit(): Instruction {
  return make(Class.JMP | JmpOp.EXIT);
}
