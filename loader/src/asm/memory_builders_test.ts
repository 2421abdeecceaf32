import { describe, expect, test } from "bun:test";
import {
  atomic,
  ldFunc,
  ldImm64,
  ldMapFd,
  ldMapRef,
  ldMapValue,
  ldx,
  ldxsx,
  st,
  stx,
} from "./memory_builders.ts";
import { AtomicOp, Pseudo, R1, R10, R2, Size } from "./opcodes.ts";

describe("memory builders", () => {
  test("follow the kernel macros' operand order", () => {
    expect(ldx(Size.W, R2, R1, 8)).toEqual({ opcode: 0x61, dst: 2, src: 1, off: 8, imm: 0 });
    expect(stx(Size.DW, R10, R1, -8)).toEqual({ opcode: 0x7b, dst: 10, src: 1, off: -8, imm: 0 });
    expect(st(Size.B, R10, -1, 7)).toEqual({ opcode: 0x72, dst: 10, src: 0, off: -1, imm: 7 });
    expect(atomic(Size.DW, AtomicOp.ADD | AtomicOp.FETCH, R1, R2, 0))
      .toEqual({ opcode: 0xdb, dst: 1, src: 2, off: 0, imm: 1 });
  });

  test("ldxsx uses the sign-extending mode and refuses 64 bits", () => {
    expect(ldxsx(Size.B, R1, R2, 0).opcode).toBe(0x91);
    expect(() => ldxsx(Size.DW, R1, R2, 0)).toThrow("a sign-extending load cannot be 64-bit");
  });

  test("an offset beyond 16 bits is refused", () => {
    expect(() => ldx(Size.W, R1, R2, 0x8000)).toThrow("off 32768 does not fit in 16 bits");
    expect(ldx(Size.W, R1, R2, -0x8000).off).toBe(-0x8000);
  });
});

describe("ld_imm64 builders", () => {
  test("ldImm64 keeps imm64 unsigned and imm its low half, signed", () => {
    expect(ldImm64(R1, 0xffffffffffffffffn)).toEqual({
      opcode: 0x18,
      dst: 1,
      src: 0,
      off: 0,
      imm: -1,
      imm64: 0xffffffffffffffffn,
    });
    expect(ldImm64(R1, -2)).toEqual(ldImm64(R1, 0xfffffffffffffffen));
    expect(ldImm64(R1, 0x1_0000_0005n).imm).toBe(5);
  });

  test("ldImm64 refuses a number that is not an exact integer", () => {
    expect(() => ldImm64(R1, 2 ** 60)).toThrow("is not an exact integer (hint: pass a bigint)");
  });

  test("map loads set the pseudo source register and the fd", () => {
    expect(ldMapFd(R1, 5)).toEqual({
      opcode: 0x18,
      dst: 1,
      src: Pseudo.MAP_FD,
      off: 0,
      imm: 5,
      imm64: 5n,
    });
    expect(ldMapValue(R1, 5, 16).imm64).toBe((16n << 32n) | 5n);
    expect(ldMapValue(R1, 5, 16).src).toBe(Pseudo.MAP_VALUE);
  });

  test("ldMapRef carries the map's name beside a placeholder fd", () => {
    expect(ldMapRef(R1, "events")).toEqual({ ...ldMapFd(R1, 0), mapRef: "events" });
    expect(ldMapRef(R1, ".data", 4)).toEqual({ ...ldMapValue(R1, 0, 4), mapRef: ".data" });
  });

  test("ldFunc loads a function address by offset or by name", () => {
    expect(ldFunc(R2, 7)).toEqual({
      opcode: 0x18,
      dst: 2,
      src: Pseudo.FUNC,
      off: 0,
      imm: 7,
      imm64: 7n,
    });
    expect(ldFunc(R2, -3).imm64).toBe(0xfffffffdn);
    expect(ldFunc(R2, "cb").callTarget).toBe("cb");
  });
});
