/**
 * Field checks shared by the instruction builders (alu_builders.ts, memory_builders.ts,
 * jump_builders.ts), and `raw()`, the builder of last resort. Each check returns the field's
 * stored value or throws an `AsmError` naming the field.
 */
import { AsmError } from "./asm_error.ts";
import type { Instruction } from "./instruction.ts";
import { LD_IMM64 } from "./opcodes.ts";

/** A 32-bit immediate, signed or unsigned, stored signed (0xffffffff becomes -1). */
export function checkImm32(value: number, what = "imm"): number {
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0xffffffff) {
    throw new AsmError(`Cannot build instruction: ${what} ${value} does not fit in 32 bits`);
  }
  return value | 0;
}

/** A signed 16-bit offset. */
export function checkOff16(value: number): number {
  if (!Number.isInteger(value) || value < -0x8000 || value > 0x7fff) {
    throw new AsmError(`Cannot build instruction: off ${value} does not fit in 16 bits`);
  }
  return value;
}

/** A register number r0–r10; `what` is "dst" or "src". */
export function checkReg(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 10) {
    throw new AsmError(`Cannot build instruction: ${what} register ${value} is not r0–r10`);
  }
  return value;
}

/** An instruction from already-checked fields. */
export function make(opcode: number, dst = 0, src = 0, off = 0, imm = 0): Instruction {
  return { opcode, dst, src, off, imm };
}

/** Any instruction from its raw fields (imm wrapped to signed 32 bits). Not for ld_imm64. */
export function raw(opcode: number, dst = 0, src = 0, off = 0, imm = 0): Instruction {
  if (opcode === LD_IMM64) {
    throw new AsmError("Cannot build instruction: use ldImm64() for ld_imm64");
  }
  return make(opcode, dst, src, checkOff16(off), checkImm32(imm));
}
