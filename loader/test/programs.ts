/**
 * Hand-assembled programs the loader's kernel scenarios use. Each is small enough to read as
 * assembly; comments give the C it stands for.
 */
import {
  alu64, atomic, AtomicOp, call, exit, Helper, jmp, label, ldMapRef, ldx, mov64, ProgType, R0,
  R1, R10, R2, R6, Size, st, assemble,
} from "../src/asm/mod.ts";
import { programSpec } from "../src/programs/from_instructions.ts";
import type { ProgramSpec } from "../src/programs/program_spec.ts";

/**
 * A tracepoint program counting calls made by one process:
 *   if (bpf_get_current_pid_tgid() >> 32 != tgid) return 0;
 *   u64 *n = bpf_map_lookup_elem(&counts, &(u32){0}); if (n) __sync_fetch_and_add(n, 1);
 */
export function countCallsOf(tgid: number, mapName = "counts"): ProgramSpec {
  return programSpec("count_calls", ProgType.TRACEPOINT, assemble([
    call(Helper.get_current_pid_tgid),
    alu64.rsh.imm(R0, 32),
    jmp.jne.imm(R0, tgid, "out"),
    st(Size.W, R10, -4, 0),
    mov64.reg(R2, R10),
    alu64.add.imm(R2, -4),
    ldMapRef(R1, mapName),
    call(Helper.map_lookup_elem),
    jmp.jeq.imm(R0, 0, "out"),
    mov64.imm(R1, 1),
    atomic(Size.DW, AtomicOp.ADD, R0, R1, 0),
    label("out"),
    mov64.imm(R0, 0),
    exit(),
  ]));
}

/** A raw-tracepoint program returning its first argument plus one: `return ctx->args[0] + 1;` */
export function firstArgPlusOne(): ProgramSpec {
  return programSpec("arg_plus_one", ProgType.RAW_TRACEPOINT, assemble([
    ldx(Size.DW, R6, R1, 0),
    mov64.reg(R0, R6),
    alu64.add.imm(R0, 1),
    exit(),
  ]));
}
