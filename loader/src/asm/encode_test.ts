import { describe, expect, test } from "bun:test";
import { AsmError } from "./asm_error.ts";
import {
  alu32,
  alu64,
  atomic,
  be,
  call,
  exit,
  jmp,
  jmp32,
  ldAbs,
  ldImm64,
  ldInd,
  ldMapFd,
  ldMapValue,
  ldx,
  le,
  mov64,
  stx,
} from "./assembler.ts";
import { encode } from "./encode.ts";
import type { Instruction } from "./instruction.ts";
import { AtomicOp, R0, R1, R10, R2, R3, R5, R6, Size } from "./opcodes.ts";

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

describe("encode()", () => {
  test("encodes r0 = 0; exit as the kernel's sixteen bytes", () => {
    expect(encode([mov64.imm(R0, 0), exit()])).toEqual(
      new Uint8Array([0xb7, 0, 0, 0, 0, 0, 0, 0, 0x95, 0, 0, 0, 0, 0, 0, 0]),
    );
  });

  test("gives an empty program zero bytes", () => {
    expect(encode([])).toHaveLength(0);
  });

  // Each pair was checked against `llvm-mc -triple bpfel -show-encoding` and clang's
  // `llvm-objdump -d` (LLVM 14) while writing this module.
  const known: [string, Instruction, string][] = [
    ["r1 = 22", mov64.imm(R1, 22), "b701000016000000"],
    ["r1 = r6", mov64.reg(R1, R6), "bf61000000000000"],
    ["r0 += r1", alu64.add.reg(R0, R1), "0f10000000000000"],
    ["w0 = w1", alu32.mov.reg(R0, R1), "bc10000000000000"],
    ["r1 = -r1", alu64.neg(R1), "8701000000000000"],
    ["w1 = -w1", alu32.neg(R1), "8401000000000000"],
    ["r1 = be16 r1", be(R1, 16), "dc01000010000000"],
    ["r1 = le32 r1", le(R1, 32), "d401000020000000"],
    ["r1 s>>= 3", alu64.arsh.imm(R1, 3), "c701000003000000"],
    ["w1 ^= 7", alu32.xor.imm(R1, 7), "a401000007000000"],
    ["r3 <<= 32", alu64.lsh.imm(R3, 32), "6703000020000000"],
    ["r3 &= r2", alu64.and.reg(R3, R2), "5f23000000000000"],
    ["r2 = *(u32 *)(r1 +8)", ldx(Size.W, R2, R1, 8), "6112080000000000"],
    ["*(u64 *)(r10 -8) = r1", stx(Size.DW, R10, R1, -8), "7b1af8ff00000000"],
    ["lock *(u64 *)(r1 +0) += r2", atomic(Size.DW, AtomicOp.ADD, R1, R2, 0), "db21000000000000"],
    [
      "atomic64_fetch_or",
      atomic(Size.DW, AtomicOp.OR | AtomicOp.FETCH, R1, R5, 0),
      "db51000041000000",
    ],
    ["atomic64_cmpxchg", atomic(Size.DW, AtomicOp.CMPXCHG, R1, R2, 0), "db210000f1000000"],
    ["atomic64_xchg", atomic(Size.DW, AtomicOp.XCHG, R1, R2, 0), "db210000e1000000"],
    ["if r1 > 0x5 goto pc+24", jmp.jgt.imm(R1, 5, 24), "2501180005000000"],
    ["if w1 s<= w2 goto pc+23", jmp32.jsle.reg(R1, R2, 23), "de21170000000000"],
    ["if r1 == 0xffffffff goto pc+0", jmp.jeq.imm(R1, -1, 0), "15010000ffffffff"],
    ["call bpf_map_lookup_elem#1", call(1), "8500000001000000"],
    ["exit", exit(), "9500000000000000"],
    ["r0 = *(u16 *)skb[12]", ldAbs(Size.H, 12), "280000000c000000"],
    ["r0 = *(u8 *)skb[r1 + 0]", ldInd(Size.B, R1, 0), "5010000000000000"],
  ];
  for (const [text, instruction, bytes] of known) {
    test(`encodes ${text} as ${bytes}`, () => {
      expect(hex(encode([instruction]))).toBe(bytes);
    });
  }

  test("writes ld_imm64 as two slots: low half in the first imm, high half in the second", () => {
    expect(hex(encode([ldImm64(R1, 0x1122334455667788n)]))).toBe(
      "1801000088776655" + "0000000044332211",
    );
  });

  test("writes all-ones ld_imm64 (0xffffffffffffffff), also given as -1", () => {
    const allOnes = "18010000ffffffff00000000ffffffff";
    expect(hex(encode([ldImm64(R1, 0xffffffffffffffffn)]))).toBe(allOnes);
    expect(hex(encode([ldImm64(R1, -1)]))).toBe(allOnes);
  });

  test("writes a pseudo map fd load with src 1 and the fd in the first imm", () => {
    expect(hex(encode([ldMapFd(R1, 5)]))).toBe("1811000005000000" + "0000000000000000");
  });

  test("writes a map value load with the value offset in the second imm", () => {
    expect(hex(encode([ldMapValue(R2, 7, 16)]))).toBe("1822000007000000" + "0000000010000000");
  });

  test("counts slots, not instructions, for the output length", () => {
    expect(encode([ldImm64(R1, 1n), mov64.imm(R0, 0), exit()])).toHaveLength(32);
  });

  test("encodes a map reference's placeholder fd", () => {
    const bytes = encode([{ ...ldMapFd(R1, 0), mapRef: "events" }]);
    expect(hex(bytes)).toBe("1811000000000000" + "0000000000000000");
  });

  test("puts the source register in the high nibble and the destination in the low one", () => {
    expect(encode([mov64.reg(R10, R2)])[1]).toBe(0x2a);
  });

  test("writes off and imm little endian and signed", () => {
    const bytes = encode([{ opcode: 0x62, dst: 10, src: 0, off: -2, imm: -2 }]);
    expect(hex(bytes)).toBe("620afeff" + "feffffff");
  });
});

describe("encode() rejects malformed instructions", () => {
  const base: Instruction = { opcode: 0xb7, dst: 0, src: 0, off: 0, imm: 0 };

  test("an offset beyond 16 bits, naming the instruction", () => {
    expect(() => encode([exit(), { ...base, off: 40000 }])).toThrow(
      "Cannot encode instruction 1: off 40000 does not fit in 16 bits",
    );
  });

  test("an immediate beyond signed 32 bits", () => {
    expect(() => encode([{ ...base, imm: 0xffffffff }])).toThrow(
      "imm 4294967295 is not a signed 32-bit number",
    );
    expect(() => encode([{ ...base, imm: 1.5 }])).toThrow(AsmError);
  });

  test("registers beyond four bits and opcodes beyond eight", () => {
    expect(() => encode([{ ...base, dst: 16 }])).toThrow("dst register 16 does not fit in 4 bits");
    expect(() => encode([{ ...base, src: -1 }])).toThrow("src register -1 does not fit in 4 bits");
    expect(() => encode([{ ...base, opcode: 256 }])).toThrow("opcode 256 does not fit in 8 bits");
  });

  test("an ld_imm64 without imm64", () => {
    expect(() => encode([{ opcode: 0x18, dst: 1, src: 0, off: 0, imm: 0 }])).toThrow(
      "ld_imm64 has no imm64",
    );
  });

  test("an ld_imm64 whose imm disagrees with imm64", () => {
    const stale = { ...ldImm64(R1, 5n), imm64: 6n };
    expect(() => encode([stale])).toThrow(
      "is not the low 32 bits of imm64 0x6 (hint: use withImm64())",
    );
  });

  test("an imm64 outside [0, 2^64)", () => {
    expect(() => encode([{ ...ldImm64(R1, 0n), imm64: 1n << 64n }])).toThrow("is not in [0, 2^64)");
  });

  test("imm64 on an instruction that is not ld_imm64", () => {
    expect(() => encode([{ ...base, imm64: 1n }])).toThrow("imm64 is set on opcode 0xb7");
  });

  test("a jump whose label was never resolved", () => {
    expect(() => encode([jmp.jeq.imm(R1, 0, "out")])).toThrow(
      "jump to label 'out' is unresolved (hint: build with assemble())",
    );
  });

  test("with an AsmError carrying the instruction index", () => {
    let caught: unknown;
    try {
      encode([exit(), exit(), { ...base, off: 1 << 20 }]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AsmError);
    expect((caught as AsmError).index).toBe(2);
  });
});
