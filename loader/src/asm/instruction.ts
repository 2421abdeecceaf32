/**
 * The `Instruction` type: one logical eBPF instruction, as the compiler emits it, the ELF loader
 * reads it and the disassembler prints it. Plus the small facts every consumer needs about it:
 * how many 8-byte slots it occupies and where each instruction starts.
 *
 * ## Fields
 * `opcode`, `dst`, `src`, `off` and `imm` are the kernel's `struct bpf_insn` fields, with `off`
 * a signed 16-bit and `imm` a signed 32-bit number.
 *
 * ## ld_imm64
 * ld_imm64 (opcode 0x18) is one `Instruction` occupying two slots. Its 64-bit value is `imm64`
 * (a bigint in [0, 2^64)), and `imm` holds that value's low 32 bits, signed: exactly what the
 * first slot's imm field contains. `ldImm64()`, `withImm64()` and `decode()` keep the two in
 * step; `encode()` refuses an ld_imm64 whose `imm` disagrees with `imm64`. The second slot's
 * fields other than imm are zero (the kernel requires it) and are not represented.
 *
 * ## Symbolic references
 * Three optional fields name things that are not known when the instruction is built. Each is
 * metadata beside numeric fields that hold a placeholder; `encode()` writes the placeholder.
 * - `mapRef`: on an ld_imm64 with src `Pseudo.MAP_FD` or `Pseudo.MAP_VALUE`, the name of the
 *   map. The loader creates the map and puts its fd in the low 32 bits of `imm64` (keeping a
 *   value offset in the high 32 bits) — see `resolveReferences()` in references.ts.
 * - `callTarget`: on a CALL with src `PseudoCall.CALL` (bpf-to-bpf), or an ld_imm64 with src
 *   `Pseudo.FUNC` (a callback's address), the function's name, patched into a pc-relative
 *   `imm` by `assemble()` when the function is a label of the same list, or else when
 *   functions are laid out; on a CALL with src `PseudoCall.KFUNC_CALL` the kfunc's name,
 *   patched into its BTF id at load.
 * - `jumpTarget`: on a jump, a label inside the same program. Only `assemble()` resolves these
 *   (into `off`, or `imm` for gotol); `encode()` rejects an instruction that still has one.
 */
import { AsmError } from "./asm_error.ts";
import { LD_IMM64 } from "./opcodes.ts";

/** One logical eBPF instruction (two slots for ld_imm64). See the module doc for the fields. */
export interface Instruction {
  /** The opcode byte: `class | size | mode` or `class | operation | source`. */
  readonly opcode: number;
  /** Destination register field, 0–15 (0–10 name registers). */
  readonly dst: number;
  /** Source register field, 0–15; a pseudo kind for ld_imm64 and CALL. */
  readonly src: number;
  /** Signed 16-bit offset: memory displacement or jump distance in slots. */
  readonly off: number;
  /** Signed 32-bit immediate. For ld_imm64, the low 32 bits of `imm64`. */
  readonly imm: number;
  /** The 64-bit immediate of ld_imm64, in [0, 2^64); absent on every other instruction. */
  readonly imm64?: bigint;
  /** Symbolic map of an ld_imm64 map load, resolved at load time. */
  readonly mapRef?: string;
  /** Symbolic callee of a bpf-to-bpf or kfunc CALL or of a Pseudo.FUNC ld_imm64. */
  readonly callTarget?: string;
  /** Symbolic jump label, resolved by `assemble()`. */
  readonly jumpTarget?: string;
}

/** Size of one instruction slot in bytes. */
export const SLOT_SIZE = 8;

/** Whether the instruction is ld_imm64 (occupies two slots). */
export function isLdImm64(instruction: Instruction): boolean {
  return instruction.opcode === LD_IMM64;
}

/** Number of 8-byte slots the instruction occupies: 2 for ld_imm64, else 1. */
export function slotCount(instruction: Instruction): 1 | 2 {
  return instruction.opcode === LD_IMM64 ? 2 : 1;
}

/**
 * The slot index at which each instruction starts. Jump offsets, the verifier log's
 * instruction numbers and BTF line info all count slots, not logical instructions.
 *
 * @example slotIndices([ldImm64(R1, 1n), exit()]) // [0, 2]
 */
export function slotIndices(instructions: readonly Instruction[]): number[] {
  const result: number[] = [];
  let slot = 0;
  for (const instruction of instructions) {
    result.push(slot);
    slot += slotCount(instruction);
  }
  return result;
}

/** Total number of slots (the kernel's `insn_cnt`) of an instruction list. */
export function countSlots(instructions: readonly Instruction[]): number {
  let slots = 0;
  for (const instruction of instructions) slots += slotCount(instruction);
  return slots;
}

/** The low 32 bits of a 64-bit value, as a signed number (what slot 0 of ld_imm64 holds). */
export function low32(value: bigint): number {
  return Number(BigInt.asIntN(32, value));
}

/** The high 32 bits of a 64-bit value, as a signed number (what slot 1 of ld_imm64 holds). */
export function high32(value: bigint): number {
  return Number(BigInt.asIntN(32, value >> 32n));
}

/**
 * A copy of an ld_imm64 with a new 64-bit value (`imm64` and `imm` both updated). Negative
 * values wrap to their two's-complement u64.
 *
 * @throws AsmError when the instruction is not ld_imm64.
 */
export function withImm64(instruction: Instruction, value: bigint | number): Instruction {
  if (!isLdImm64(instruction)) {
    throw new AsmError(
      `Cannot set imm64: opcode 0x${instruction.opcode.toString(16)} is not ld_imm64`,
    );
  }
  const imm64 = BigInt.asUintN(64, BigInt(value));
  return { ...instruction, imm: low32(imm64), imm64 };
}

function isIntIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/**
 * Checks that every field fits its bit width, and that ld_imm64 carries a consistent `imm64`.
 * `encode()` calls it for each instruction; `index` only goes into the message.
 *
 * @throws AsmError naming the instruction and the field.
 */
export function checkInstruction(instruction: Instruction, index: number): void {
  const fail = (detail: string): never => {
    throw new AsmError(`Cannot encode instruction ${index}: ${detail}`, index);
  };
  const { opcode, dst, src, off, imm } = instruction;
  if (!isIntIn(opcode, 0, 0xff)) fail(`opcode ${opcode} does not fit in 8 bits`);
  if (!isIntIn(dst, 0, 15)) fail(`dst register ${dst} does not fit in 4 bits`);
  if (!isIntIn(src, 0, 15)) fail(`src register ${src} does not fit in 4 bits`);
  if (!isIntIn(off, -0x8000, 0x7fff)) fail(`off ${off} does not fit in 16 bits`);
  if (!isIntIn(imm, -0x80000000, 0x7fffffff)) fail(`imm ${imm} is not a signed 32-bit number`);
  if (instruction.jumpTarget !== undefined) {
    fail(`jump to label '${instruction.jumpTarget}' is unresolved (hint: build with assemble())`);
  }
  if (opcode === LD_IMM64) {
    const imm64 = instruction.imm64;
    if (imm64 === undefined) fail("ld_imm64 has no imm64");
    if (imm64! < 0n || imm64! >= 1n << 64n) fail(`imm64 ${imm64} is not in [0, 2^64)`);
    if (low32(imm64!) !== imm) {
      fail(
        `ld_imm64 imm ${imm} is not the low 32 bits of imm64 0x${
          imm64!.toString(16)
        } (hint: use withImm64())`,
      );
    }
  } else if (instruction.imm64 !== undefined) {
    fail(`imm64 is set on opcode 0x${opcode.toString(16).padStart(2, "0")}, which is not ld_imm64`);
  }
}
