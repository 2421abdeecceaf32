import { describe, expect, test } from "bun:test";
import {
  AluOp,
  AtomicOp,
  Class,
  isLoadStoreClass,
  JmpOp,
  LD_IMM64,
  Mode,
  opClass,
  opMode,
  opOperation,
  opSize,
  opSource,
  Pseudo,
  PseudoCall,
  R10,
  Size,
  sizeBytes,
  Source,
} from "./opcodes.ts";

describe("opcode numbers", () => {
  test("match the kernel's uapi values", () => {
    expect(Object.values(Class)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect([Size.W, Size.H, Size.B, Size.DW]).toEqual([0x00, 0x08, 0x10, 0x18]);
    expect([Mode.IMM, Mode.ABS, Mode.IND, Mode.MEM, Mode.MEMSX, Mode.ATOMIC]).toEqual([
      0,
      0x20,
      0x40,
      0x60,
      0x80,
      0xc0,
    ]);
    expect([AluOp.MOV, AluOp.ARSH, AluOp.END]).toEqual([0xb0, 0xc0, 0xd0]);
    expect([JmpOp.CALL, JmpOp.EXIT, JmpOp.JSLE, JmpOp.JCOND]).toEqual([0x80, 0x90, 0xd0, 0xe0]);
    expect([AtomicOp.XCHG, AtomicOp.CMPXCHG, AtomicOp.LOAD_ACQ, AtomicOp.STORE_REL]).toEqual([
      0xe1,
      0xf1,
      0x100,
      0x110,
    ]);
    expect([
      Pseudo.MAP_FD,
      Pseudo.MAP_VALUE,
      Pseudo.BTF_ID,
      Pseudo.FUNC,
      Pseudo.MAP_IDX,
      Pseudo.MAP_IDX_VALUE,
    ])
      .toEqual([1, 2, 3, 4, 5, 6]);
    expect([PseudoCall.CALL, PseudoCall.KFUNC_CALL]).toEqual([1, 2]);
    expect(LD_IMM64).toBe(0x18);
    expect(R10).toBe(10);
  });

  test("give every ALU and jump operation a distinct high nibble", () => {
    expect(new Set(Object.values(AluOp)).size).toBe(14);
    expect(new Set(Object.values(JmpOp)).size).toBe(15);
    for (const op of [...Object.values(AluOp), ...Object.values(JmpOp)]) expect(op & 0x0f).toBe(0);
  });
});

describe("opcode fields", () => {
  test("are taken apart from a load/store opcode", () => {
    const opcode = Class.STX | Size.DW | Mode.ATOMIC; // 0xdb
    expect(opcode).toBe(0xdb);
    expect(opClass(opcode)).toBe(Class.STX);
    expect(opSize(opcode)).toBe(Size.DW);
    expect(opMode(opcode)).toBe(Mode.ATOMIC);
    expect(isLoadStoreClass(opClass(opcode))).toBe(true);
  });

  test("are taken apart from an ALU or jump opcode", () => {
    const opcode = Class.JMP32 | JmpOp.JSGT | Source.X; // 0x6e
    expect(opClass(opcode)).toBe(Class.JMP32);
    expect(opOperation(opcode)).toBe(JmpOp.JSGT);
    expect(opSource(opcode)).toBe(Source.X);
    expect(isLoadStoreClass(opClass(opcode))).toBe(false);
  });

  test("sizeBytes() gives the access width", () => {
    expect([Size.B, Size.H, Size.W, Size.DW].map(sizeBytes)).toEqual([1, 2, 4, 8]);
  });
});
