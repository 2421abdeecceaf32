import { describe, expect, test } from "bun:test";
import { assemble, label } from "./assemble.ts";
import {
  alu64,
  call,
  callLocal,
  exit,
  gotol,
  ja,
  jmp,
  ldFunc,
  ldImm64,
  mov64,
} from "./assembler.ts";
import { disassemble } from "./disassemble.ts";
import { encode } from "./encode.ts";
import { Helper } from "./helpers.ts";
import { R0, R1, R2 } from "./opcodes.ts";

describe("assemble()", () => {
  test("resolves a backward jump in a loop", () => {
    const program = assemble([
      mov64.imm(R0, 0),
      label("loop"),
      alu64.add.imm(R0, 1),
      jmp.jlt.imm(R0, 10, "loop"),
      exit(),
    ]);
    expect(disassemble(program)).toBe("r0 = 0\nr0 += 1\nif r0 < 0xa goto pc-2\nexit");
  });

  test("resolves a forward jump and drops the label names", () => {
    const program = assemble([
      jmp.jeq.imm(R1, 0, "out"),
      mov64.imm(R0, 1),
      label("out"),
      exit(),
    ]);
    expect(program[0]).toEqual(jmp.jeq.imm(R1, 0, 1));
    expect(program).toHaveLength(3);
  });

  test("counts ld_imm64 as two slots", () => {
    const program = assemble([ja("end"), ldImm64(R1, 1n), ldImm64(R2, 2n), label("end"), exit()]);
    expect(program[0]!.off).toBe(4);
    const back = assemble([label("top"), ldImm64(R1, 1n), ja("top")]);
    expect(back[1]!.off).toBe(-3);
  });

  test("allows several labels at one place and a label at the very end", () => {
    const program = assemble([
      ja("a"),
      ja("b"),
      label("a"),
      label("b"),
      exit(),
      ja("end"),
      label("end"),
    ]);
    expect(program.map((i) => i.off)).toEqual([1, 0, 0, 0]);
  });

  test("puts a gotol's distance in imm", () => {
    const program = assemble([gotol("end"), exit(), label("end"), exit()]);
    expect(program[0]).toEqual(gotol(1));
  });

  test("resolves a call to a function in the same list", () => {
    const program = assemble([
      callLocal("double"),
      exit(),
      label("double"),
      mov64.reg(R0, R1),
      alu64.add.reg(R0, R1),
      exit(),
    ]);
    expect(program[0]).toEqual(callLocal(1));
    expect(disassemble(program[0]!)).toBe("call pc+1");
  });

  test("resolves a callback address in the same list, keeping the second slot's imm zero", () => {
    const program = assemble([ldFunc(R2, "cb"), call(Helper.loop), exit(), label("cb"), exit()]);
    expect(program[0]).toEqual(ldFunc(R2, 3)); // slots: 0–1 ld_imm64, 2 call, 3 exit, 4 cb
  });

  test("leaves calls to other names for the linker", () => {
    const program = assemble([callLocal("elsewhere"), exit()]);
    expect(program[0]!.callTarget).toBe("elsewhere");
  });

  test("gives instructions that encode", () => {
    const program = assemble([jmp.jeq.imm(R1, 0, "out"), mov64.imm(R0, 1), label("out"), exit()]);
    expect(encode(program)).toHaveLength(24);
  });

  test("copies instead of changing its input", () => {
    const jump = ja("x");
    assemble([jump, label("x"), exit()]);
    expect(jump.jumpTarget).toBe("x");
  });
});

describe("assemble() rejects", () => {
  test("a label defined twice", () => {
    expect(() => assemble([label("a"), exit(), label("a")])).toThrow(
      "Cannot assemble: label 'a' is defined twice",
    );
  });

  test("a jump to an undefined label, naming the instruction", () => {
    expect(() => assemble([exit(), ja("nowhere")])).toThrow(
      "Cannot assemble instruction 1: jump to undefined label 'nowhere'",
    );
  });

  test("a jump beyond a 16-bit offset, suggesting gotol", () => {
    const far = Array.from({ length: 0x8000 }, () => mov64.imm(R0, 0));
    expect(() => assemble([ja("end"), ...far, label("end"), exit()])).toThrow(
      "label 'end' is 32768 slots away, beyond a 16-bit jump offset (hint: use gotol())",
    );
    expect(assemble([gotol("end"), ...far, label("end"), exit()])[0]!.imm).toBe(0x8000);
  });
});
