import { describe, expect, test } from "bun:test";
import { AsmError } from "./asm_error.ts";
import { exit, ldImm64, ldMapValue, mov64 } from "./assembler.ts";
import {
  checkInstruction,
  countSlots,
  high32,
  isLdImm64,
  low32,
  slotCount,
  slotIndices,
  withImm64,
} from "./instruction.ts";
import { R0, R1 } from "./opcodes.ts";

describe("slots", () => {
  test("ld_imm64 occupies two slots and everything else one", () => {
    expect(slotCount(ldImm64(R1, 0n))).toBe(2);
    expect(slotCount(exit())).toBe(1);
    expect(isLdImm64(ldImm64(R1, 0n))).toBe(true);
    expect(isLdImm64(mov64.imm(R1, 0))).toBe(false);
  });

  test("slotIndices() gives each instruction's first slot", () => {
    const list = [mov64.imm(R0, 0), ldImm64(R1, 1n), ldImm64(R1, 2n), exit()];
    expect(slotIndices(list)).toEqual([0, 1, 3, 5]);
    expect(countSlots(list)).toBe(6);
    expect(countSlots([])).toBe(0);
  });
});

describe("64-bit halves", () => {
  test("low32() and high32() give the signed halves slot 0 and slot 1 hold", () => {
    expect(low32(0xffffffff_00000001n)).toBe(1);
    expect(high32(0xffffffff_00000001n)).toBe(-1);
    expect(low32(0x80000000n)).toBe(-0x80000000);
    expect(high32(0x7fffffff_00000000n)).toBe(0x7fffffff);
  });

  test("withImm64() replaces the value and keeps imm in step", () => {
    const patched = withImm64(ldMapValue(R1, 0, 16), (16n << 32n) | 9n);
    expect(patched.imm).toBe(9);
    expect(patched.imm64).toBe((16n << 32n) | 9n);
    expect(withImm64(ldImm64(R1, 0n), -1).imm64).toBe(0xffffffffffffffffn);
  });

  test("withImm64() refuses an instruction that is not ld_imm64", () => {
    expect(() => withImm64(exit(), 1n)).toThrow("Cannot set imm64: opcode 0x95 is not ld_imm64");
  });
});

describe("checkInstruction()", () => {
  test("accepts well-formed instructions", () => {
    expect(() => checkInstruction(ldImm64(R1, 0xffffffffffffffffn), 0)).not.toThrow();
    expect(() =>
      checkInstruction({ opcode: 0xff, dst: 15, src: 15, off: -0x8000, imm: -0x80000000 }, 0)
    )
      .not.toThrow();
  });

  test("reports the index it is given", () => {
    expect(() => checkInstruction({ ...exit(), off: 1e6 }, 41)).toThrow(AsmError);
    expect(() => checkInstruction({ ...exit(), off: 1e6 }, 41)).toThrow(
      "Cannot encode instruction 41",
    );
  });
});
