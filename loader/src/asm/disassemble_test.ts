import { describe, expect, test } from "bun:test";
import {
  addrSpaceCast,
  alu32,
  alu64,
  atomic,
  be,
  bswap,
  call,
  callKfunc,
  callLocal,
  exit,
  gotol,
  ja,
  jmp,
  jmp32,
  ldAbs,
  ldFunc,
  ldImm64,
  ldInd,
  ldMapFd,
  ldMapRef,
  ldMapValue,
  ldx,
  ldxsx,
  le,
  mayGoto,
  mov32,
  mov64,
  raw,
  st,
  stx,
} from "./assembler.ts";
import { decode } from "./decode.ts";
import { disassemble } from "./disassemble.ts";
import { encode } from "./encode.ts";
import { Helper } from "./helpers.ts";
import type { Instruction } from "./instruction.ts";
import { AtomicOp, Pseudo, R0, R1, R10, R2, R3, R6, Size } from "./opcodes.ts";

/** [expected text, instruction]; wording from kernel/bpf/disasm.c. */
const cases: [string, Instruction][] = [
  // ALU
  ["r1 = 22", mov64.imm(R1, 22)],
  ["r1 = -5", mov64.imm(R1, -5)],
  ["r1 = r6", mov64.reg(R1, R6)],
  ["w0 = w1", mov32.reg(R0, R1)],
  ["w2 = 7", mov32.imm(R2, 7)],
  ["r0 += r1", alu64.add.reg(R0, R1)],
  ["w0 += 4", alu32.add.imm(R0, 4)],
  ["r2 -= r3", alu64.sub.reg(R2, R3)],
  ["r2 *= 3", alu64.mul.imm(R2, 3)],
  ["r2 /= 3", alu64.div.imm(R2, 3)],
  ["r2 s/= 3", alu64.sdiv.imm(R2, 3)],
  ["w2 s/= w3", alu32.sdiv.reg(R2, R3)],
  ["r2 %= r3", alu64.mod.reg(R2, R3)],
  ["r2 s%= r3", alu64.smod.reg(R2, R3)],
  ["r2 |= 1", alu64.or.imm(R2, 1)],
  ["r2 &= 255", alu64.and.imm(R2, 255)],
  ["r2 <<= 32", alu64.lsh.imm(R2, 32)],
  ["r2 >>= 32", alu64.rsh.imm(R2, 32)],
  ["r2 s>>= 32", alu64.arsh.imm(R2, 32)],
  ["w2 ^= w1", alu32.xor.reg(R2, R1)],
  ["r1 = -r1", alu64.neg(R1)],
  ["w1 = -w1", alu32.neg(R1)],
  ["r1 = (s8)r2", alu64.movsx(R1, R2, 8)],
  ["r1 = (s32)r2", alu64.movsx(R1, R2, 32)],
  ["w1 = (s16)w2", alu32.movsx(R1, R2, 16)],
  ["r1 = be16 r1", be(R1, 16)],
  ["r1 = le64 r1", le(R1, 64)],
  ["r1 = bswap32 r1", bswap(R1, 32)],
  ["r1 = addr_space_cast(r2, 0, 1)", addrSpaceCast(R1, R2, 0, 1)],
  // loads and stores
  ["r2 = *(u32 *)(r1 +8)", ldx(Size.W, R2, R1, 8)],
  ["r0 = *(u8 *)(r6 +0)", ldx(Size.B, R0, R6, 0)],
  ["r2 = *(s16 *)(r1 -2)", ldxsx(Size.H, R2, R1, -2)],
  ["*(u64 *)(r10 -8) = r1", stx(Size.DW, R10, R1, -8)],
  ["*(u16 *)(r10 -2) = r1", stx(Size.H, R10, R1, -2)],
  ["*(u32 *)(r10 -4) = -1", st(Size.W, R10, -4, -1)],
  ["r0 = *(u16 *)skb[12]", ldAbs(Size.H, 12)],
  ["r0 = *(u8 *)skb[r1 + 4]", ldInd(Size.B, R1, 4)],
  // atomics
  ["lock *(u64 *)(r1 +0) += r2", atomic(Size.DW, AtomicOp.ADD, R1, R2, 0)],
  ["lock *(u32 *)(r1 +4) |= r2", atomic(Size.W, AtomicOp.OR, R1, R2, 4)],
  ["lock *(u64 *)(r1 +0) &= r2", atomic(Size.DW, AtomicOp.AND, R1, R2, 0)],
  ["lock *(u64 *)(r1 +0) ^= r2", atomic(Size.DW, AtomicOp.XOR, R1, R2, 0)],
  [
    "r2 = atomic64_fetch_add((u64 *)(r1 +0), r2)",
    atomic(Size.DW, AtomicOp.ADD | AtomicOp.FETCH, R1, R2, 0),
  ],
  [
    "r2 = atomic_fetch_xor((u32 *)(r1 +8), r2)",
    atomic(Size.W, AtomicOp.XOR | AtomicOp.FETCH, R1, R2, 8),
  ],
  ["r2 = atomic64_xchg((u64 *)(r1 +0), r2)", atomic(Size.DW, AtomicOp.XCHG, R1, R2, 0)],
  ["r0 = atomic64_cmpxchg((u64 *)(r1 +0), r0, r2)", atomic(Size.DW, AtomicOp.CMPXCHG, R1, R2, 0)],
  ["r0 = atomic_cmpxchg((u32 *)(r1 +0), r0, r2)", atomic(Size.W, AtomicOp.CMPXCHG, R1, R2, 0)],
  ["r0 = load_acquire((u64 *)(r1 +16))", atomic(Size.DW, AtomicOp.LOAD_ACQ, R0, R1, 16)],
  ["store_release((u8 *)(r1 +0), r2)", atomic(Size.B, AtomicOp.STORE_REL, R1, R2, 0)],
  // ld_imm64
  ["r1 = 0x16", ldImm64(R1, 22n)],
  ["r1 = 0xffffffffffffffff", ldImm64(R1, 0xffffffffffffffffn)],
  ["r1 = 0x123456789", ldImm64(R1, 0x123456789n)],
  ["r1 = map[fd:5]", ldMapFd(R1, 5)],
  ["r1 = map[fd:5][0]+16", ldMapValue(R1, 5, 16)],
  ["r1 = map[idx:2]", ldImm64(R1, 2n, Pseudo.MAP_IDX)],
  ["r1 = map[idx:2]+8", ldImm64(R1, (8n << 32n) | 2n, Pseudo.MAP_IDX_VALUE)],
  ["r1 = map[events]", ldMapRef(R1, "events")],
  ["r2 = map[.bss][0]+8", ldMapRef(R2, ".bss", 8)],
  ["r2 = subprog[+5]", ldFunc(R2, 5)],
  ["r2 = subprog[+0#on_each]", ldFunc(R2, "on_each")],
  ["r1 = 0x4d2", ldImm64(R1, 1234n, Pseudo.BTF_ID)],
  // jumps and calls
  ["goto pc+3", ja(3)],
  ["goto pc-1", ja(-1)],
  ["gotol pc+100000", gotol(100000)],
  ["may_goto pc+2", mayGoto(2)],
  ["if r1 > 0x5 goto pc+3", jmp.jgt.imm(R1, 5, 3)],
  ["if r1 == 0x0 goto pc+1", jmp.jeq.imm(R1, 0, 1)],
  ["if r1 != 0xffffffff goto pc-4", jmp.jne.imm(R1, -1, -4)],
  ["if r1 >= r2 goto pc+0", jmp.jge.reg(R1, R2, 0)],
  ["if r1 & 0x80 goto pc+2", jmp.jset.imm(R1, 0x80, 2)],
  ["if r1 s> r2 goto pc+2", jmp.jsgt.reg(R1, R2, 2)],
  ["if r1 s>= 0x1 goto pc+2", jmp.jsge.imm(R1, 1, 2)],
  ["if r1 < r2 goto pc+2", jmp.jlt.reg(R1, R2, 2)],
  ["if r1 <= 0x9 goto pc+2", jmp.jle.imm(R1, 9, 2)],
  ["if r1 s< r2 goto pc+2", jmp.jslt.reg(R1, R2, 2)],
  ["if r1 s<= 0x0 goto pc+2", jmp.jsle.imm(R1, 0, 2)],
  ["if w1 > 0x5 goto pc+3", jmp32.jgt.imm(R1, 5, 3)],
  ["if w1 s< w2 goto pc+3", jmp32.jslt.reg(R1, R2, 3)],
  ["call bpf_map_lookup_elem#1", call(Helper.map_lookup_elem)],
  ["call bpf_ringbuf_output#130", call(Helper.ringbuf_output)],
  ["call bpf_cgrp_storage_delete#211", call(211)],
  ["call unknown#212", call(212)],
  ["call pc+5", callLocal(5)],
  ["call pc-10", callLocal(-10)],
  ["call pc+0#handle", callLocal("handle")],
  ["call kernel-function#1234", callKfunc(1234)],
  ["call bpf_obj_new_impl#0", callKfunc("bpf_obj_new_impl")],
  ["exit", exit()],
];

describe("disassemble()", () => {
  for (const [text, instruction] of cases) {
    test(`prints ${text}`, () => {
      expect(disassemble(instruction)).toBe(text);
    });
  }

  test("prints every representative instruction the same after an encode/decode round trip", () => {
    const list = cases.map(([, instruction]) => instruction)
      .filter((i) => i.mapRef === undefined && i.callTarget === undefined);
    expect(disassemble(decode(encode(list)))).toBe(disassemble(list));
  });

  test("prints pseudo map loads read back from the kernel as map ids, as bpftool does", () => {
    expect(disassemble(ldMapFd(R1, 42), { xlated: true })).toBe("r1 = map[id:42]");
    expect(disassemble(ldMapValue(R1, 42, 8), { xlated: true })).toBe("r1 = map[id:42][0]+8");
  });

  test("prints a program line by line, numbering slots so ld_imm64 takes two", () => {
    const program = [ldMapFd(R1, 3), mov64.imm(R0, 0), exit()];
    expect(disassemble(program)).toBe("r1 = map[fd:3]\nr0 = 0\nexit");
    expect(disassemble(program, { indices: true })).toBe("0: r1 = map[fd:3]\n2: r0 = 0\n3: exit");
  });

  test("prints lines exactly like the verifier log with indices and opcodes", () => {
    const program = [mov64.imm(R1, 22), alu64.add.reg(R0, R1), exit()];
    expect(disassemble(program, { indices: true, opcodes: true })).toBe(
      "0: (b7) r1 = 22\n1: (0f) r0 += r1\n2: (95) exit",
    );
  });

  test("starts numbering at firstSlot", () => {
    expect(disassemble([exit()], { indices: true, firstSlot: 17 })).toBe("17: exit");
    expect(disassemble(exit(), { indices: true, opcodes: true, firstSlot: 3 })).toBe(
      "3: (95) exit",
    );
  });

  test("prints an empty program as an empty string", () => {
    expect(disassemble([])).toBe("");
  });
});

describe("disassemble() on instructions the kernel would reject", () => {
  test("prints the kernel's BUG lines, without an opcode prefix", () => {
    expect(disassemble(raw(0x00))).toBe("BUG_ld_00");
    expect(disassemble(raw(0xa1), { opcodes: true })).toBe("BUG_ldx_a1");
    expect(disassemble(raw(0x82))).toBe("BUG_st_82");
    expect(disassemble(raw(0x23))).toBe("BUG_23");
    expect(disassemble(atomic(Size.DW, 0x02, R1, R2, 0))).toBe("BUG_db");
    expect(disassemble(raw(0x9d))).toBe("BUG_jmp_9d");
    expect(disassemble(raw(0xe4))).toBe("BUG_alu_e4");
    expect(disassemble(raw(0x99))).toBe("BUG_ldx_99");
  });

  test("prints the kernel-internal speculation barrier", () => {
    expect(disassemble(raw(0xc2), { opcodes: true })).toBe("(c2) nospec");
  });

  test("names helper ids only when the source register is 0", () => {
    expect(disassemble(raw(0x85, 0, 3, 0, 1))).toBe("call unknown#1");
  });
});
