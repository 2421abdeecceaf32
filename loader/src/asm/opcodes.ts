/**
 * The eBPF instruction set's numbers: opcode fields (class, size, mode, operation, source),
 * atomic operations, pseudo source registers, and the registers themselves. Values come from
 * the kernel's include/uapi/linux/bpf.h and bpf_common.h and the instruction-set document
 * (Documentation/bpf/standardization/instruction-set.rst).
 *
 * An opcode byte is `class | size | mode` for loads and stores, and `class | op | source` for
 * arithmetic and jumps. This module only names the numbers and takes opcodes apart; building
 * whole instructions is `assembler.ts`'s job, turning them into bytes is `encode.ts`'s.
 */

/** Instruction classes: the low three bits of the opcode. */
export const Class = {
  LD: 0x00,
  LDX: 0x01,
  ST: 0x02,
  STX: 0x03,
  ALU: 0x04,
  JMP: 0x05,
  JMP32: 0x06,
  ALU64: 0x07,
} as const;
export type Class = (typeof Class)[keyof typeof Class];

/** Access sizes of loads and stores: bits 3–4 of the opcode. */
export const Size = {
  W: 0x00,
  H: 0x08,
  B: 0x10,
  DW: 0x18,
} as const;
export type Size = (typeof Size)[keyof typeof Size];

/** Addressing modes of loads and stores: bits 5–7 of the opcode. */
export const Mode = {
  IMM: 0x00,
  ABS: 0x20,
  IND: 0x40,
  MEM: 0x60,
  /** Sign-extending load (LDX only). Kernel 6.6. */
  MEMSX: 0x80,
  /** Atomic read-modify-write (STX only); the operation is in `imm`, see `AtomicOp`. */
  ATOMIC: 0xc0,
} as const;
export type Mode = (typeof Mode)[keyof typeof Mode];

/**
 * ALU operations: bits 4–7 of ALU and ALU64 opcodes.
 *
 * Variants selected by `off`: DIV and MOD with off=1 are signed (sdiv, smod; 6.6); MOV with
 * BPF_X and off 8/16/32 sign-extends (movsx; 6.6); ALU64 MOV with BPF_X and off=1 is the arena
 * `addr_space_cast` (6.9). END in the ALU class converts byte order (`Endian` in the source bit,
 * width 16/32/64 in imm); END in the ALU64 class is an unconditional byte swap (bswap; 6.6).
 */
export const AluOp = {
  ADD: 0x00,
  SUB: 0x10,
  MUL: 0x20,
  DIV: 0x30,
  OR: 0x40,
  AND: 0x50,
  LSH: 0x60,
  RSH: 0x70,
  NEG: 0x80,
  MOD: 0x90,
  XOR: 0xa0,
  MOV: 0xb0,
  ARSH: 0xc0,
  END: 0xd0,
} as const;
export type AluOp = (typeof AluOp)[keyof typeof AluOp];

/**
 * Jump operations: bits 4–7 of JMP and JMP32 opcodes.
 *
 * JA in the JMP class jumps by `off`; in the JMP32 class it is `gotol` and jumps by the 32-bit
 * `imm` (6.6). JCOND with src=`MAY_GOTO` is the `may_goto` pseudo jump (6.9). CALL and EXIT
 * exist in the JMP class only.
 */
export const JmpOp = {
  JA: 0x00,
  JEQ: 0x10,
  JGT: 0x20,
  JGE: 0x30,
  JSET: 0x40,
  JNE: 0x50,
  JSGT: 0x60,
  JSGE: 0x70,
  CALL: 0x80,
  EXIT: 0x90,
  JLT: 0xa0,
  JLE: 0xb0,
  JSLT: 0xc0,
  JSLE: 0xd0,
  JCOND: 0xe0,
} as const;
export type JmpOp = (typeof JmpOp)[keyof typeof JmpOp];

/** Operand source, bit 3 of ALU and jump opcodes: K = the `imm` field, X = the `src` register. */
export const Source = {
  K: 0x00,
  X: 0x08,
} as const;
export type Source = (typeof Source)[keyof typeof Source];

/** Byte-order target of an ALU-class END instruction, in the source bit. */
export const Endian = {
  /** BPF_TO_LE: convert to little endian. */
  LE: 0x00,
  /** BPF_TO_BE: convert to big endian. */
  BE: 0x08,
} as const;
export type Endian = (typeof Endian)[keyof typeof Endian];

/**
 * Atomic operations, carried in `imm` of an STX|ATOMIC instruction. ADD, OR, AND and XOR may be
 * or-ed with FETCH (5.12) to also load the old value into `src`; XCHG and CMPXCHG always fetch
 * (CMPXCHG compares with and writes the old value to r0). LOAD_ACQ and STORE_REL (6.15) are
 * load-acquire and store-release.
 */
export const AtomicOp = {
  ADD: 0x00,
  OR: 0x40,
  AND: 0x50,
  XOR: 0xa0,
  FETCH: 0x01,
  XCHG: 0xe1,
  CMPXCHG: 0xf1,
  LOAD_ACQ: 0x100,
  STORE_REL: 0x110,
} as const;
export type AtomicOp = (typeof AtomicOp)[keyof typeof AtomicOp];

/**
 * Pseudo source registers of ld_imm64 (kernel `BPF_PSEUDO_*`): they tell the kernel what the
 * 64-bit immediate means before it rewrites it into an address.
 */
export const Pseudo = {
  /** BPF_PSEUDO_MAP_FD: imm = map fd; loads the map's address. */
  MAP_FD: 1,
  /** BPF_PSEUDO_MAP_VALUE: low imm = map fd, high imm = offset into value 0 (global data). */
  MAP_VALUE: 2,
  /** BPF_PSEUDO_BTF_ID: imm = BTF id of a kernel variable (ksym), next imm = BTF object fd. */
  BTF_ID: 3,
  /** BPF_PSEUDO_FUNC: imm = pc-relative slot offset of a subprogram (callback address). */
  FUNC: 4,
  /** BPF_PSEUDO_MAP_IDX: imm = index into fd_array of BPF_PROG_LOAD. */
  MAP_IDX: 5,
  /** BPF_PSEUDO_MAP_IDX_VALUE: low imm = fd_array index, high imm = offset into value 0. */
  MAP_IDX_VALUE: 6,
} as const;
export type Pseudo = (typeof Pseudo)[keyof typeof Pseudo];

/** Pseudo source registers of CALL: what `imm` means. 0 (absent) = a helper id. */
export const PseudoCall = {
  /** BPF_PSEUDO_CALL: bpf-to-bpf call; imm = pc-relative slot offset of the callee. */
  CALL: 1,
  /** BPF_PSEUDO_KFUNC_CALL: kernel function call; imm = BTF id of the kfunc. */
  KFUNC_CALL: 2,
} as const;
export type PseudoCall = (typeof PseudoCall)[keyof typeof PseudoCall];

/** The `src` of a JMP|JCOND instruction that makes it `may_goto` (BPF_MAY_GOTO). */
export const MAY_GOTO = 0;

/** The `off` of an ALU64 MOV X that makes it `addr_space_cast` (BPF_ADDR_SPACE_CAST). */
export const ADDR_SPACE_CAST = 1;

/** The opcode of ld_imm64 (`LD | DW | IMM`), the one instruction that occupies two slots. */
export const LD_IMM64 = Class.LD | Size.DW | Mode.IMM;

/** A register number, 0–10. R10 is the read-only frame pointer. */
export type Register = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** Return value, and helper/kfunc return value. */
export const R0 = 0 as const;
/** First argument; on entry, the program's context pointer. */
export const R1 = 1 as const;
export const R2 = 2 as const;
export const R3 = 3 as const;
export const R4 = 4 as const;
/** Fifth (last) argument register. */
export const R5 = 5 as const;
/** R6–R9 are callee-saved. */
export const R6 = 6 as const;
export const R7 = 7 as const;
export const R8 = 8 as const;
export const R9 = 9 as const;
/** The frame pointer: read-only, points just past the top of the 512-byte stack. */
export const R10 = 10 as const;

/** The class of an opcode (low three bits). */
export function opClass(opcode: number): Class {
  return (opcode & 0x07) as Class;
}

/** The size field of a load/store opcode. */
export function opSize(opcode: number): Size {
  return (opcode & 0x18) as Size;
}

/** The mode field of a load/store opcode. */
export function opMode(opcode: number): Mode {
  return (opcode & 0xe0) as Mode;
}

/** The operation field of an ALU or jump opcode (`AluOp` or `JmpOp`). */
export function opOperation(opcode: number): number {
  return opcode & 0xf0;
}

/** The source bit of an ALU or jump opcode. */
export function opSource(opcode: number): Source {
  return (opcode & 0x08) as Source;
}

/** Whether the class holds loads and stores (LD, LDX, ST, STX) rather than ALU or jumps. */
export function isLoadStoreClass(cls: number): boolean {
  return cls <= Class.STX;
}

/** The number of bytes a load/store `Size` accesses. */
export function sizeBytes(size: Size): 1 | 2 | 4 | 8 {
  switch (size) {
    case Size.B:
      return 1;
    case Size.H:
      return 2;
    case Size.W:
      return 4;
    default:
      return 8;
  }
}
