/**
 * Label resolution: turns a list of instructions and `label()` markers into a plain instruction
 * list, replacing each jump's label name with its slot offset, so that tests and hand-written
 * sequences never count slots (ld_imm64 counts two). Calls and callback loads (`callLocal`,
 * `ldFunc`) naming a label of the same list are resolved too; other names are left for the
 * linker. Does not reorder, optimize or validate instructions.
 *
 * ```ts
 * assemble([
 *   mov64.imm(R0, 0),
 *   label("loop"),
 *   alu64.add.imm(R0, 1),
 *   jmp.jlt.imm(R0, 10, "loop"),   // if r0 < 0xa goto pc-2
 *   exit(),
 * ]);
 * ```
 */
import { AsmError } from "./asm_error.ts";
import { type Instruction, isLdImm64, slotCount } from "./instruction.ts";
import { Class, JmpOp, Pseudo, PseudoCall } from "./opcodes.ts";

/** A position marker in `assemble()` input; occupies no slot. */
export interface Label {
  readonly label: string;
}

/** A label marking the position of the next instruction. */
export function label(name: string): Label {
  return { label: name };
}

function isLabel(item: Instruction | Label): item is Label {
  return (item as Label).label !== undefined;
}

/** Whether a `callTarget` on this instruction is a pc-relative function reference. */
function isLocalCall(instruction: Instruction): boolean {
  return (instruction.opcode === (Class.JMP | JmpOp.CALL) && instruction.src === PseudoCall.CALL) ||
    (isLdImm64(instruction) && instruction.src === Pseudo.FUNC);
}

/**
 * Resolves labels: every `jumpTarget` becomes an `off` (or the `imm` of gotol), every local
 * `callTarget` an `imm`, each relative to the next slot. The result has no `Label`s and no
 * `jumpTarget`s; calls to names that are not labels here keep their `callTarget`.
 *
 * @throws AsmError on a duplicate label, a jump to an undefined label, or a jump too far for
 *   a 16-bit offset (hint: gotol).
 */
export function assemble(items: readonly (Instruction | Label)[]): Instruction[] {
  const labels = new Map<string, number>();
  let slot = 0;
  for (const item of items) {
    if (!isLabel(item)) {
      slot += slotCount(item);
    } else if (labels.has(item.label)) {
      throw new AsmError(`Cannot assemble: label '${item.label}' is defined twice`);
    } else {
      labels.set(item.label, slot);
    }
  }

  const result: Instruction[] = [];
  slot = 0;
  for (const item of items) {
    if (isLabel(item)) continue;
    result.push(resolve(item, slot, result.length, labels));
    slot += slotCount(item);
  }
  return result;
}

function resolve(
  instruction: Instruction,
  slot: number,
  index: number,
  labels: Map<string, number>,
): Instruction {
  const { jumpTarget, callTarget } = instruction;
  if (jumpTarget !== undefined) {
    const target = labels.get(jumpTarget);
    if (target === undefined) {
      throw new AsmError(
        `Cannot assemble instruction ${index}: jump to undefined label '${jumpTarget}'`,
        index,
      );
    }
    const { jumpTarget: _, ...rest } = instruction;
    const delta = target - (slot + 1);
    if (instruction.opcode === (Class.JMP32 | JmpOp.JA)) return { ...rest, imm: delta };
    if (delta < -0x8000 || delta > 0x7fff) {
      throw new AsmError(
        `Cannot assemble instruction ${index}: label '${jumpTarget}' is ${delta} slots away, ` +
          `beyond a 16-bit jump offset (hint: use gotol())`,
        index,
      );
    }
    return { ...rest, off: delta };
  }
  if (callTarget !== undefined && isLocalCall(instruction) && labels.has(callTarget)) {
    const { callTarget: _, ...rest } = instruction;
    const imm = labels.get(callTarget)! - (slot + 1);
    if (!isLdImm64(instruction)) return { ...rest, imm };
    return { ...rest, imm, imm64: BigInt(imm >>> 0) };
  }
  return instruction;
}
