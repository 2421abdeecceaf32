import { expect, test } from "bun:test";
import { alu64, assemble, call, exit, jmp, label, ldMapRef, ldx, mov64, stx } from "./assembler.ts";
import { disassemble } from "./disassemble.ts";
import { Helper } from "./helpers.ts";
import { R0, R1, R10, R2, Size } from "./opcodes.ts";

test("the module doc's example assembles into the program it describes", () => {
  const program = assemble([
    mov64.imm(R1, 0),
    stx(Size.W, R10, R1, -4),
    mov64.reg(R2, R10),
    alu64.add.imm(R2, -4),
    ldMapRef(R1, "counts"),
    call(Helper.map_lookup_elem),
    jmp.jeq.imm(R0, 0, "out"),
    ldx(Size.DW, R1, R0, 0),
    label("out"),
    mov64.imm(R0, 0),
    exit(),
  ]);
  expect(disassemble(program, { indices: true })).toBe(
    [
      "0: r1 = 0",
      "1: *(u32 *)(r10 -4) = r1",
      "2: r2 = r10",
      "3: r2 += -4",
      "4: r1 = map[counts]",
      "6: call bpf_map_lookup_elem#1",
      "7: if r0 == 0x0 goto pc+1",
      "8: r1 = *(u64 *)(r0 +0)",
      "9: r0 = 0",
      "10: exit",
    ].join("\n"),
  );
});
