/**
 * Bytes to instructions: the inverse of `encode()`. Each 8-byte slot becomes one `Instruction`,
 * except ld_imm64, whose two slots become one with `imm64` set. Decoding then encoding gives
 * back the same bytes. Opcodes are not checked against the instruction set (the disassembler
 * prints unknown ones as `BUG_…`, like the kernel); only the framing is.
 */
import { AsmError } from "./asm_error.ts";
import { type Instruction, SLOT_SIZE } from "./instruction.ts";
import { LD_IMM64 } from "./opcodes.ts";

/**
 * Decodes a `struct bpf_insn` array (little endian), e.g. an ELF program section or the
 * kernel's xlated instructions.
 *
 * @throws AsmError when the length is not a multiple of 8, an ld_imm64 lacks its second slot,
 *   or that second slot has a nonzero opcode, register or offset field.
 */
export function decode(bytes: Uint8Array): Instruction[] {
  if (bytes.byteLength % SLOT_SIZE !== 0) {
    throw new AsmError(
      `Cannot decode instructions: length ${bytes.byteLength} is not a multiple of ${SLOT_SIZE}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const slots = bytes.byteLength / SLOT_SIZE;
  const instructions: Instruction[] = [];
  for (let slot = 0; slot < slots; slot++) {
    const at = slot * SLOT_SIZE;
    const opcode = view.getUint8(at);
    const regs = view.getUint8(at + 1);
    const dst = regs & 0x0f;
    const src = regs >> 4;
    const off = view.getInt16(at + 2, true);
    const imm = view.getInt32(at + 4, true);
    if (opcode !== LD_IMM64) {
      instructions.push({ opcode, dst, src, off, imm });
      continue;
    }
    const where = `Cannot decode instruction ${instructions.length} (slot ${slot})`;
    if (slot + 1 >= slots) {
      throw new AsmError(
        `${where}: ld_imm64 is truncated (its second slot is missing)`,
        instructions.length,
      );
    }
    const next = at + SLOT_SIZE;
    if (
      view.getUint8(next) !== 0 || view.getUint8(next + 1) !== 0 ||
      view.getInt16(next + 2, true) !== 0
    ) {
      throw new AsmError(
        `${where}: the second slot of ld_imm64 must have zero opcode, registers and offset`,
        instructions.length,
      );
    }
    const imm64 = (BigInt(view.getUint32(next + 4, true)) << 32n) | BigInt(imm >>> 0);
    instructions.push({ opcode, dst, src, off, imm, imm64 });
    slot++;
  }
  return instructions;
}
