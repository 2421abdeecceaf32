/**
 * The eBPF instruction set, in pure TypeScript: opcode numbers, the `Instruction` type, byte
 * encoding and decoding, a disassembler worded like the kernel's verifier log, a small
 * assembler with labels, symbolic map/function references, helper ids and the kernel's program,
 * map, attach and link type numbers. No FFI and no kernel access: shared by the compiler (which
 * emits instructions) and the loader (which reads ELF sections and prints verifier context).
 *
 * ```ts
 * import { assemble, disassemble, encode, exit, jmp, label, mov64, R0, R1 } from "./mod.ts";
 *
 * const program = assemble([
 *   mov64.imm(R0, 0),
 *   jmp.jeq.imm(R1, 0, "out"),
 *   mov64.imm(R0, 1),
 *   label("out"),
 *   exit(),
 * ]);
 * encode(program);                         // Uint8Array(32)
 * disassemble(program, { indices: true }); // "0: r0 = 0\n1: if r1 == 0x0 goto pc+1\n…"
 * ```
 */
export { AsmError } from "./asm_error.ts";
export {
  ADDR_SPACE_CAST,
  AluOp,
  AtomicOp,
  Class,
  Endian,
  isLoadStoreClass,
  JmpOp,
  LD_IMM64,
  MAY_GOTO,
  Mode,
  opClass,
  opMode,
  opOperation,
  opSize,
  opSource,
  Pseudo,
  PseudoCall,
  R0,
  R1,
  R10,
  R2,
  R3,
  R4,
  R5,
  R6,
  R7,
  R8,
  R9,
  type Register,
  Size,
  sizeBytes,
  Source,
} from "./opcodes.ts";
export {
  countSlots,
  high32,
  type Instruction,
  isLdImm64,
  low32,
  SLOT_SIZE,
  slotCount,
  slotIndices,
  withImm64,
} from "./instruction.ts";
export { encode } from "./encode.ts";
export { decode } from "./decode.ts";
export { disassemble, type DisassembleOptions } from "./disassemble.ts";
export {
  addrSpaceCast,
  alu32,
  alu64,
  type AluClass,
  type AluOperation,
  atomic,
  be,
  bswap,
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
  ldAbs,
  ldFunc,
  ldImm64,
  ldInd,
  ldMapFd,
  ldMapRef,
  ldMapValue,
  ldx,
  ldxsx,
  le,
  mayGoto,
  mov32,
  mov64,
  raw,
  st,
  stx,
} from "./assembler.ts";
export { assemble, type Label, label } from "./assemble.ts";
export {
  type Reference,
  type ReferenceKind,
  references,
  type Resolutions,
  resolveReferences,
} from "./references.ts";
export { Helper, type HelperId, type HelperName, helperName, MAX_HELPER_ID } from "./helpers.ts";
export { ProgType, progTypeName } from "./prog_type.ts";
export { MapType, mapTypeName } from "./map_type.ts";
export { AttachType, attachTypeName } from "./attach_type.ts";
export { LinkType, linkTypeName } from "./link_type.ts";
export { enumNames } from "./enum_names.ts";
