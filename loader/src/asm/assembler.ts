/**
 * The assembler for tests and hand-written sequences, in the style of ply's: each builder call
 * returns one `Instruction`, and `assemble()` turns a list with `label()` markers into
 * instructions with resolved jump offsets.
 *
 * ```ts
 * import { alu64, assemble, call, exit, Helper, jmp, label, ldMapRef, ldx, mov64, R0, R1, R2,
 *   R10, Size, stx } from "./mod.ts";
 *
 * const program = assemble([
 *   mov64.imm(R1, 0),
 *   stx(Size.W, R10, R1, -4), // *(u32 *)(r10 -4) = r1
 *   mov64.reg(R2, R10),
 *   alu64.add.imm(R2, -4), // r2 = &key
 *   ldMapRef(R1, "counts"), // r1 = map[counts], fd patched at load
 *   call(Helper.map_lookup_elem),
 *   jmp.jeq.imm(R0, 0, "out"), // a jump target is an offset or a label name
 *   ldx(Size.DW, R1, R0, 0),
 *   label("out"),
 *   mov64.imm(R0, 0),
 *   exit(),
 * ]);
 * ```
 *
 * Operand order follows the kernel's BPF_* instruction macros: `ldx(size, dst, src, off)`,
 * `stx(size, dst, src, off)`, `st(size, dst, off, imm)`, `atomic(size, op, dst, src, off)`.
 * Immediates accept signed or unsigned 32-bit values (0xffffffff is stored as -1). Builders
 * check field ranges and throw `AsmError`; whether the verifier accepts the instruction is
 * the verifier's question.
 *
 * This file only gathers the builders: ALU ones live in alu_builders.ts, loads and stores in
 * memory_builders.ts, jumps and calls in jump_builders.ts, labels in assemble.ts.
 */
export { raw } from "./builder_fields.ts";
export {
  addrSpaceCast,
  alu32,
  alu64,
  type AluClass,
  type AluOperation,
  be,
  bswap,
  le,
  mov32,
  mov64,
} from "./alu_builders.ts";
export {
  atomic,
  ldAbs,
  ldFunc,
  ldImm64,
  ldInd,
  ldMapFd,
  ldMapRef,
  ldMapValue,
  ldx,
  ldxsx,
  st,
  stx,
} from "./memory_builders.ts";
export {
  call,
  callKfunc,
  callLocal,
  exit,
  gotol,
  ja,
  jmp,
  jmp32,
  type JumpClass,
  type JumpOperation,
  type JumpTarget,
  mayGoto,
} from "./jump_builders.ts";
export { assemble, type Label, label } from "./assemble.ts";
