/**
 * Instructions to bytes: the kernel's `struct bpf_insn` array, 8 bytes per slot, little endian
 * (the byte order of every machine tsbpf targets). ld_imm64 writes two slots. Symbolic
 * references (`mapRef`, `callTarget`) are metadata: their numeric placeholders are written as
 * they are. Not a validator of instruction semantics — the kernel's verifier is.
 */
import { checkInstruction, countSlots, type Instruction, SLOT_SIZE } from "./instruction.ts";
import { LD_IMM64 } from "./opcodes.ts";

/**
 * Encodes instructions into the byte layout BPF_PROG_LOAD expects.
 *
 * @throws AsmError when a field does not fit its width, an ld_imm64's `imm` disagrees with
 *   its `imm64`, or a jump still names an unresolved label.
 * @example encode([mov64.imm(R0, 0), exit()]) // b7 00 00 00 00 00 00 00 95 00 00 00 00 00 00 00
 */
export function encode(instructions: readonly Instruction[]): Uint8Array {
  const bytes = new Uint8Array(countSlots(instructions) * SLOT_SIZE);
  const view = new DataView(bytes.buffer);
  let at = 0;
  instructions.forEach((instruction, index) => {
    checkInstruction(instruction, index);
    writeSlot(
      view,
      at,
      instruction.opcode,
      instruction.dst,
      instruction.src,
      instruction.off,
      instruction.imm,
    );
    at += SLOT_SIZE;
    if (instruction.opcode === LD_IMM64) {
      const high = Number(BigInt.asIntN(32, instruction.imm64! >> 32n));
      writeSlot(view, at, 0, 0, 0, 0, high);
      at += SLOT_SIZE;
    }
  });
  return bytes;
}

function writeSlot(
  view: DataView,
  at: number,
  opcode: number,
  dst: number,
  src: number,
  off: number,
  imm: number,
): void {
  view.setUint8(at, opcode);
  view.setUint8(at + 1, (src << 4) | dst);
  view.setInt16(at + 2, off, true);
  view.setInt32(at + 4, imm, true);
}
