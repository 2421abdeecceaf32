import { describe, expect, test } from "bun:test";
import { alu32, alu64, bswap, mov32, mov64 } from "./alu_builders.ts";
import { AsmError } from "./asm_error.ts";
import type { Register } from "./opcodes.ts";
import { Class, R1, R2, R6 } from "./opcodes.ts";

describe("ALU builders", () => {
  test("mov64.imm and mov64.reg fill the kernel's fields", () => {
    expect(mov64.imm(R1, 22)).toEqual({ opcode: 0xb7, dst: 1, src: 0, off: 0, imm: 22 });
    expect(mov64.reg(R1, R6)).toEqual({ opcode: 0xbf, dst: 1, src: 6, off: 0, imm: 0 });
    expect(mov32.imm(R1, 1)).toEqual({ opcode: 0xb4, dst: 1, src: 0, off: 0, imm: 1 });
  });

  test("alu64 and alu32 differ only in the class bits", () => {
    expect(alu64.add.imm(R1, 4).opcode).toBe(Class.ALU64 | 0x00);
    expect(alu32.add.imm(R1, 4).opcode).toBe(Class.ALU | 0x00);
    expect(alu64.xor.reg(R1, R2).opcode).toBe(0xaf);
    expect(alu32.xor.reg(R1, R2).opcode).toBe(0xac);
  });

  test("signed division and modulo set off to 1", () => {
    expect(alu64.sdiv.imm(R1, 3)).toEqual({ opcode: 0x37, dst: 1, src: 0, off: 1, imm: 3 });
    expect(alu32.smod.reg(R1, R2)).toEqual({ opcode: 0x9c, dst: 1, src: 2, off: 1, imm: 0 });
  });

  test("movsx puts the source width in off, and refuses widths the class lacks", () => {
    expect(alu64.movsx(R1, R2, 32)).toEqual({ opcode: 0xbf, dst: 1, src: 2, off: 32, imm: 0 });
    expect(() => alu32.movsx(R1, R2, 32)).toThrow("movsx cannot sign-extend from 32 bits");
  });

  test("bswap is an ALU64 END with the width in imm", () => {
    expect(bswap(R1, 16)).toEqual({ opcode: 0xd7, dst: 1, src: 0, off: 0, imm: 16 });
    expect(() => bswap(R1, 8 as 16)).toThrow("byte swap width 8 is not 16, 32 or 64");
  });

  test("an unsigned 32-bit immediate is stored signed", () => {
    expect(mov64.imm(R1, 0xffffffff).imm).toBe(-1);
    expect(mov64.imm(R1, 0x80000000).imm).toBe(-0x80000000);
  });

  test("an immediate beyond 32 bits or not an integer is refused", () => {
    expect(() => mov64.imm(R1, 0x100000000)).toThrow("imm 4294967296 does not fit in 32 bits");
    expect(() => mov64.imm(R1, -0x80000001)).toThrow(AsmError);
    expect(() => mov64.imm(R1, 0.5)).toThrow(AsmError);
  });

  test("registers beyond r10 are refused", () => {
    expect(() => mov64.reg(11 as Register, R1)).toThrow("dst register 11 is not r0–r10");
    expect(() => mov64.reg(R1, -1 as Register)).toThrow("src register -1 is not r0–r10");
  });
});
