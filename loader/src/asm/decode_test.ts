import { describe, expect, test } from "bun:test";
import { AsmError } from "./asm_error.ts";
import { exit, ldImm64, ldMapFd, ldMapValue, mov64 } from "./assembler.ts";
import { decode } from "./decode.ts";
import { encode } from "./encode.ts";
import type { Instruction } from "./instruction.ts";
import {
  AluOp,
  AtomicOp,
  Class,
  JmpOp,
  LD_IMM64,
  Mode,
  Pseudo,
  R0,
  R1,
  Size,
  Source,
} from "./opcodes.ts";

const roundTrip = (list: Instruction[]) => decode(encode(list));

/** Field values at the edges of each width, and a few in between. */
const REGS = [0, 1, 9, 10, 15];
const OFFS = [0, 1, -1, 8, -512, 0x7fff, -0x8000];
const IMMS = [0, 1, -1, 22, 0x7fffffff, -0x80000000, 0x12345678];

describe("decode()", () => {
  test("decodes r0 = 0; exit from the kernel's sixteen bytes", () => {
    const bytes = new Uint8Array([0xb7, 0, 0, 0, 0, 0, 0, 0, 0x95, 0, 0, 0, 0, 0, 0, 0]);
    expect(decode(bytes)).toEqual([mov64.imm(R0, 0), exit()]);
  });

  test("decodes nothing from no bytes", () => {
    expect(decode(new Uint8Array(0))).toEqual([]);
  });

  test("round-trips every single-slot opcode with edge values in every field", () => {
    const list: Instruction[] = [];
    for (let opcode = 0; opcode < 256; opcode++) {
      if (opcode === LD_IMM64) continue;
      for (const dst of REGS) {
        for (const src of REGS) {
          list.push({ opcode, dst, src, off: OFFS[(dst + src) % OFFS.length]!, imm: 0 });
        }
      }
      for (const off of OFFS) {
        for (const imm of IMMS) list.push({ opcode, dst: 1, src: 2, off, imm });
      }
    }
    expect(list.length).toBeGreaterThan(255 * 70);
    expect(roundTrip(list)).toEqual(list);
  });

  test("round-trips every ALU and jump operation in both classes and both sources", () => {
    const list: Instruction[] = [];
    for (const cls of [Class.ALU, Class.ALU64, Class.JMP, Class.JMP32]) {
      const ops = cls === Class.ALU || cls === Class.ALU64
        ? Object.values(AluOp)
        : Object.values(JmpOp);
      for (const op of ops) {
        for (const source of [Source.K, Source.X]) {
          list.push({
            opcode: cls | op | source,
            dst: 3,
            src: source === Source.X ? 4 : 0,
            off: -7,
            imm: 99,
          });
        }
      }
    }
    // signed div/mod (off=1), movsx (off=8/16/32), bswap (ALU64 END)
    for (const off of [1, 8, 16, 32]) {
      list.push({ opcode: Class.ALU64 | AluOp.MOV | Source.X, dst: 1, src: 2, off, imm: 0 });
    }
    list.push({ opcode: Class.ALU64 | AluOp.END, dst: 1, src: 0, off: 0, imm: 64 });
    expect(roundTrip(list)).toEqual(list);
  });

  test("round-trips every load and store size and mode, and every atomic operation", () => {
    const list: Instruction[] = [];
    for (const size of Object.values(Size)) {
      for (const mode of Object.values(Mode)) {
        for (const cls of [Class.LDX, Class.ST, Class.STX]) {
          list.push({
            opcode: cls | size | mode,
            dst: 10,
            src: 1,
            off: -8,
            imm: cls === Class.ST ? -5 : 0,
          });
        }
        if (mode !== Mode.IMM) {
          list.push({ opcode: Class.LD | size | mode, dst: 0, src: 6, off: 0, imm: 14 });
        }
      }
      for (const op of Object.values(AtomicOp)) {
        list.push({ opcode: Class.STX | size | Mode.ATOMIC, dst: 1, src: 2, off: 16, imm: op });
        list.push({
          opcode: Class.STX | size | Mode.ATOMIC,
          dst: 1,
          src: 2,
          off: 16,
          imm: op | AtomicOp.FETCH,
        });
      }
    }
    expect(roundTrip(list)).toEqual(list);
  });

  test("decodes ld_imm64 into one instruction carrying the full 64-bit value", () => {
    const bytes = new Uint8Array([
      0x18,
      0x01,
      0,
      0,
      0x88,
      0x77,
      0x66,
      0x55,
      0,
      0,
      0,
      0,
      0x44,
      0x33,
      0x22,
      0x11,
    ]);
    expect(decode(bytes)).toEqual([
      { opcode: 0x18, dst: 1, src: 0, off: 0, imm: 0x55667788, imm64: 0x1122334455667788n },
    ]);
  });

  test("round-trips ld_imm64 values at the edges of 64 bits", () => {
    const values = [
      0n,
      1n,
      0xffffffffn,
      0x80000000n,
      0x100000000n,
      0x7fffffffffffffffn,
      0x8000000000000000n,
      0xffffffffffffffffn,
      0xdeadbeefcafebaben,
    ];
    const list = values.map((v) => ldImm64(R1, v));
    expect(roundTrip(list)).toEqual(list);
    expect(roundTrip([ldImm64(R1, -1)])[0]!.imm64).toBe(0xffffffffffffffffn);
    expect(roundTrip([ldImm64(R1, -1)])[0]!.imm).toBe(-1);
  });

  test("round-trips ld_imm64 with every pseudo source register", () => {
    const list = Object.values(Pseudo).map((src) => ldImm64(R1, 0x0000001000000005n, src));
    list.push(ldMapFd(R1, 5), ldMapValue(R1, 5, 64));
    const back = roundTrip(list);
    expect(back).toEqual(list);
    expect(back.map((i) => i.src)).toEqual([1, 2, 3, 4, 5, 6, 1, 2]);
  });

  test("keeps slots after an ld_imm64 in order", () => {
    const list = [mov64.imm(R0, 1), ldImm64(R1, 2n), ldImm64(R1, 3n), exit()];
    expect(roundTrip(list)).toEqual(list);
  });

  test("reads a view that starts inside a larger buffer", () => {
    const program = encode([mov64.imm(R0, 7), exit()]);
    const buffer = new Uint8Array(program.length + 5);
    buffer.set(program, 3);
    expect(decode(buffer.subarray(3, 3 + program.length))).toEqual([mov64.imm(R0, 7), exit()]);
  });

  test("re-encodes any well-framed bytes to the same bytes", () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    const bytes = new Uint8Array(8 * 4096).map(random);
    for (let at = 0; at < bytes.length; at += 8) {
      if (bytes[at] === LD_IMM64) bytes[at] = 0xb7; // keep the framing valid
    }
    expect(encode(decode(bytes))).toEqual(bytes);
  });
});

describe("decode() rejects malformed input", () => {
  test("a length that is not a multiple of 8", () => {
    expect(() => decode(new Uint8Array(13))).toThrow(
      "Cannot decode instructions: length 13 is not a multiple of 8",
    );
  });

  test("an ld_imm64 without its second slot", () => {
    const bytes = encode([exit(), ldImm64(R1, 1n)]).subarray(0, 16);
    expect(() => decode(bytes)).toThrow(
      "Cannot decode instruction 1 (slot 1): ld_imm64 is truncated (its second slot is missing)",
    );
  });

  test("an ld_imm64 whose second slot has an opcode, register or offset", () => {
    for (const at of [8, 9, 10, 11]) {
      const bytes = encode([ldImm64(R1, 1n)]);
      bytes[at] = 1;
      expect(() => decode(bytes)).toThrow(
        "the second slot of ld_imm64 must have zero opcode, registers and offset",
      );
    }
  });

  test("with an AsmError", () => {
    expect(() => decode(new Uint8Array(7))).toThrow(AsmError);
  });
});
