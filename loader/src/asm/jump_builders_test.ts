import { describe, expect, test } from "bun:test";
import { Helper } from "./helpers.ts";
import {
  call,
  callKfunc,
  callLocal,
  exit,
  gotol,
  ja,
  jmp,
  jmp32,
  mayGoto,
} from "./jump_builders.ts";
import { PseudoCall, R0, R1, R2 } from "./opcodes.ts";

describe("jump and call builders", () => {
  test("take a numeric target as off", () => {
    expect(jmp.jeq.imm(R1, 0, 3)).toEqual({ opcode: 0x15, dst: 1, src: 0, off: 3, imm: 0 });
    expect(jmp32.jne.reg(R1, R2, -2)).toEqual({ opcode: 0x5e, dst: 1, src: 2, off: -2, imm: 0 });
    expect(ja(4)).toEqual({ opcode: 0x05, dst: 0, src: 0, off: 4, imm: 0 });
    expect(mayGoto(4)).toEqual({ opcode: 0xe5, dst: 0, src: 0, off: 4, imm: 0 });
  });

  test("take a label name as jumpTarget", () => {
    expect(jmp.jgt.reg(R1, R2, "out").jumpTarget).toBe("out");
    expect(ja("top")).toEqual({ opcode: 0x05, dst: 0, src: 0, off: 0, imm: 0, jumpTarget: "top" });
  });

  test("gotol keeps its target in imm", () => {
    expect(gotol(70000)).toEqual({ opcode: 0x06, dst: 0, src: 0, off: 0, imm: 70000 });
  });

  test("call, callLocal and callKfunc set the call kind in src", () => {
    expect(call(Helper.ktime_get_ns)).toEqual({ opcode: 0x85, dst: 0, src: 0, off: 0, imm: 5 });
    expect(callLocal(9)).toEqual({ opcode: 0x85, dst: 0, src: PseudoCall.CALL, off: 0, imm: 9 });
    expect(callLocal("helper").callTarget).toBe("helper");
    expect(callKfunc(777)).toEqual({
      opcode: 0x85,
      dst: 0,
      src: PseudoCall.KFUNC_CALL,
      off: 0,
      imm: 777,
    });
    expect(callKfunc("bpf_rcu_read_lock").callTarget).toBe("bpf_rcu_read_lock");
  });

  test("exit is opcode 0x95", () => {
    expect(exit()).toEqual({ opcode: 0x95, dst: 0, src: 0, off: 0, imm: 0 });
    expect(R0).toBe(0);
  });
});
