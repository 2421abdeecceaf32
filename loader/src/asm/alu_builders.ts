/**
 * ALU instruction builders: `alu64.add.imm(R1, 4)` is `r1 += 4`, `mov32.reg(R0, R1)` is
 * `w0 = w1`, plus negation, sign-extending moves, byte-order conversion and the arena address
 * space cast. Part of the assembler (see assembler.ts).
 */
import { checkImm32, checkReg, make } from "./builder_fields.ts";
import type { Instruction } from "./instruction.ts";
import { ADDR_SPACE_CAST, AluOp, Class, Endian, type Register, Source } from "./opcodes.ts";
import { AsmError } from "./asm_error.ts";

/** The immediate and register forms of one ALU operation. */
export interface AluOperation {
  /** `dst op= imm`. */
  imm(dst: Register, imm: number): Instruction;
  /** `dst op= src`. */
  reg(dst: Register, src: Register): Instruction;
}

/** The builders of one ALU class: `alu64.add.imm(R1, 4)` is `r1 += 4`. */
export interface AluClass {
  add: AluOperation;
  sub: AluOperation;
  mul: AluOperation;
  /** Unsigned division. */
  div: AluOperation;
  /** Signed division (off=1). Kernel 6.6. */
  sdiv: AluOperation;
  or: AluOperation;
  and: AluOperation;
  lsh: AluOperation;
  rsh: AluOperation;
  /** Unsigned modulo. */
  mod: AluOperation;
  /** Signed modulo (off=1). Kernel 6.6. */
  smod: AluOperation;
  xor: AluOperation;
  mov: AluOperation;
  arsh: AluOperation;
  /** `dst = -dst`. */
  neg(dst: Register): Instruction;
  /** `dst = (s8|s16|s32)src`: sign-extending move (s32 only in alu64). Kernel 6.6. */
  movsx(dst: Register, src: Register, bits: 8 | 16 | 32): Instruction;
}

function aluOperation(cls: number, op: number, off = 0): AluOperation {
  return {
    imm: (dst, imm) => make(cls | op | Source.K, checkReg(dst, "dst"), 0, off, checkImm32(imm)),
    reg: (dst, src) => make(cls | op | Source.X, checkReg(dst, "dst"), checkReg(src, "src"), off),
  };
}

function aluClass(cls: number): AluClass {
  return {
    add: aluOperation(cls, AluOp.ADD),
    sub: aluOperation(cls, AluOp.SUB),
    mul: aluOperation(cls, AluOp.MUL),
    div: aluOperation(cls, AluOp.DIV),
    sdiv: aluOperation(cls, AluOp.DIV, 1),
    or: aluOperation(cls, AluOp.OR),
    and: aluOperation(cls, AluOp.AND),
    lsh: aluOperation(cls, AluOp.LSH),
    rsh: aluOperation(cls, AluOp.RSH),
    mod: aluOperation(cls, AluOp.MOD),
    smod: aluOperation(cls, AluOp.MOD, 1),
    xor: aluOperation(cls, AluOp.XOR),
    mov: aluOperation(cls, AluOp.MOV),
    arsh: aluOperation(cls, AluOp.ARSH),
    neg: (dst) => make(cls | AluOp.NEG, checkReg(dst, "dst")),
    movsx: (dst, src, bits) => {
      if (bits !== 8 && bits !== 16 && !(bits === 32 && cls === Class.ALU64)) {
        throw new AsmError(
          `Cannot build instruction: movsx cannot sign-extend from ${bits} bits here`,
        );
      }
      return make(cls | AluOp.MOV | Source.X, checkReg(dst, "dst"), checkReg(src, "src"), bits);
    },
  };
}

/** 64-bit ALU builders (class ALU64; registers print as `r`). */
export const alu64: AluClass = aluClass(Class.ALU64);
/** 32-bit ALU builders (class ALU; registers print as `w`, results zero-extend). */
export const alu32: AluClass = aluClass(Class.ALU);
/** `mov64.imm(R1, 22)` is `r1 = 22`; `mov64.reg(R1, R6)` is `r1 = r6`. */
export const mov64: AluOperation = alu64.mov;
/** `mov32.imm(R1, 22)` is `w1 = 22`. */
export const mov32: AluOperation = alu32.mov;

function endian(cls: number, order: number, dst: Register, bits: 16 | 32 | 64): Instruction {
  if (bits !== 16 && bits !== 32 && bits !== 64) {
    throw new AsmError(`Cannot build instruction: byte swap width ${bits} is not 16, 32 or 64`);
  }
  return make(cls | AluOp.END | order, checkReg(dst, "dst"), 0, 0, bits);
}

/** `dst = le16/le32/le64 dst`: convert to little endian (a truncation on little-endian hosts). */
export function le(dst: Register, bits: 16 | 32 | 64): Instruction {
  return endian(Class.ALU, Endian.LE, dst, bits);
}

/** `dst = be16/be32/be64 dst`: convert to big endian. */
export function be(dst: Register, bits: 16 | 32 | 64): Instruction {
  return endian(Class.ALU, Endian.BE, dst, bits);
}

/** `dst = bswap16/32/64 dst`: unconditional byte swap (ALU64 END). Kernel 6.6. */
export function bswap(dst: Register, bits: 16 | 32 | 64): Instruction {
  return endian(Class.ALU64, Endian.LE, dst, bits);
}

/**
 * `dst = addr_space_cast(src, dstSpace, srcSpace)`: arena pointer cast between address
 * spaces; `(R1, R2, 0, 1)` casts from address space 1 (arena) to 0. Kernel 6.9.
 */
export function addrSpaceCast(
  dst: Register,
  src: Register,
  dstSpace: number,
  srcSpace: number,
): Instruction {
  const imm = checkImm32((dstSpace & 0xffff) * 0x10000 + (srcSpace & 0xffff));
  const opcode = Class.ALU64 | AluOp.MOV | Source.X;
  return make(opcode, checkReg(dst, "dst"), checkReg(src, "src"), ADDR_SPACE_CAST, imm);
}
