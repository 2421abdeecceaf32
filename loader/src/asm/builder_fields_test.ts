import { describe, expect, test } from "bun:test";
import { AsmError } from "./asm_error.ts";
import { checkImm32, checkOff16, checkReg, make, raw } from "./builder_fields.ts";

describe("field checks", () => {
  test("checkImm32() stores unsigned 32-bit values signed", () => {
    expect(checkImm32(0xffffffff)).toBe(-1);
    expect(checkImm32(-0x80000000)).toBe(-0x80000000);
    expect(() => checkImm32(2 ** 32, "helper id")).toThrow("helper id 4294967296 does not fit");
  });

  test("checkOff16() accepts exactly the signed 16-bit range", () => {
    expect(checkOff16(-0x8000)).toBe(-0x8000);
    expect(checkOff16(0x7fff)).toBe(0x7fff);
    expect(() => checkOff16(0x8000)).toThrow(AsmError);
  });

  test("checkReg() accepts r0 to r10", () => {
    expect(checkReg(10, "dst")).toBe(10);
    expect(() => checkReg(11, "dst")).toThrow("dst register 11 is not r0–r10");
  });
});

describe("raw()", () => {
  test("builds any single-slot instruction from its fields", () => {
    expect(raw(0x85, 0, 1, 0, 0xffffffff)).toEqual(make(0x85, 0, 1, 0, -1));
    expect(raw(0x95)).toEqual({ opcode: 0x95, dst: 0, src: 0, off: 0, imm: 0 });
  });

  test("refuses ld_imm64", () => {
    expect(() => raw(0x18)).toThrow("use ldImm64() for ld_imm64");
  });
});
