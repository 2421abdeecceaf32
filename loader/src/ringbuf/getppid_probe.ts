/**
 * GetppidProbe: hand-assembled tracepoint programs on `syscalls:sys_enter_getppid` that write
 * one record per getppid() call of one process, for the reader tests and `bench/ringbuf`.
 *
 * Every call from process `pid` takes the next sequence number from a counter map (an atomic
 * fetch-and-add) and outputs it; an output that fails (the buffer is full) is counted in the same
 * map. That is what the compiler will do for `emit()`: the kernel keeps no drop count a ring
 * buffer reader could see.
 *
 * Not part of the loader's public API (`mod.ts` does not export it): a test and bench fixture.
 */
import {
  AtomicOp, alu64, assemble, atomic, call, exit, Helper, ja, jmp, label, ldMapRef, mov32, mov64,
  ProgType, R0, R1, R10, R2, R3, R4, R5, R6, R7, R8, R9, Size, slotIndices, st, stx, encode,
  type Instruction, MapType,
} from "../asm/mod.ts";
import { attachTracepoint } from "../links/tracepoint.ts";
import type { Link } from "../links/link.ts";
import { BpfMap } from "../maps/bpf_map.ts";
import { loadProgram, type Program } from "../programs/program.ts";

/** How the program outputs its record. */
export type ProbeOutput =
  /** bpf_ringbuf_output of {u64 sequence, u64 pid_tgid} (16 bytes). */
  | "ringbuf"
  /** bpf_ringbuf_reserve, then submit for even sequence numbers and discard for odd ones. */
  | "ringbuf-reserve"
  /** bpf_perf_event_output(BPF_F_CURRENT_CPU) of {u64 sequence, u32 tid} (12 bytes). */
  | "perf";

/** The counter map's value: next sequence number, then failed outputs. */
export interface ProbeCounters {
  /** Calls seen (the next sequence number). */
  calls: number;
  /** Outputs that failed because the buffer was full. */
  failures: number;
}

const OUT = "out";

function programFor(output: ProbeOutput, pid: number): Instruction[] {
  const prologue = [
    mov64.reg(R6, R1), // ctx, for perf_event_output
    call(Helper.get_current_pid_tgid),
    mov64.reg(R8, R0),
    alu64.rsh.imm(R0, 32),
    jmp.jne.imm(R0, pid, OUT),
    st(Size.W, R10, -4, 0),
    mov64.reg(R2, R10),
    alu64.add.imm(R2, -4),
    ldMapRef(R1, "counters"),
    call(Helper.map_lookup_elem),
    jmp.jeq.imm(R0, 0, OUT),
    mov64.reg(R7, R0),
    mov64.imm(R9, 1),
    atomic(Size.DW, AtomicOp.ADD | AtomicOp.FETCH, R7, R9, 0), // r9 = sequence number
  ];
  const countFailure = [mov64.imm(R1, 1), atomic(Size.DW, AtomicOp.ADD, R7, R1, 8)];
  const epilogue = [label(OUT), mov64.imm(R0, 0), exit()];
  if (output === "ringbuf-reserve") {
    return assemble([
      ...prologue,
      ldMapRef(R1, "events"),
      mov64.imm(R2, 16),
      mov64.imm(R3, 0),
      call(Helper.ringbuf_reserve),
      jmp.jne.imm(R0, 0, "reserved"),
      ...countFailure,
      ja(OUT),
      label("reserved"),
      stx(Size.DW, R0, R9, 0),
      stx(Size.DW, R0, R8, 8),
      mov64.reg(R1, R0),
      mov64.imm(R2, 0),
      jmp.jset.imm(R9, 1, "discard"),
      call(Helper.ringbuf_submit),
      ja(OUT),
      label("discard"),
      call(Helper.ringbuf_discard),
      ...epilogue,
    ]);
  }
  const record = [stx(Size.DW, R10, R9, -24), stx(Size.DW, R10, R8, -16)];
  const send = output === "ringbuf"
    ? [
      ldMapRef(R1, "events"),
      mov64.reg(R2, R10),
      alu64.add.imm(R2, -24),
      mov64.imm(R3, 16),
      mov64.imm(R4, 0),
      call(Helper.ringbuf_output),
    ]
    : [
      mov64.reg(R1, R6),
      ldMapRef(R2, "events"),
      mov32.imm(R3, -1), // BPF_F_CURRENT_CPU: 0xffffffff, zero-extended
      mov64.reg(R4, R10),
      alu64.add.imm(R4, -24),
      mov64.imm(R5, 12),
      call(Helper.perf_event_output),
    ];
  return assemble([
    ...prologue, ...record, ...send,
    jmp.jsge.imm(R0, 0, OUT),
    ...countFailure,
    ...epilogue,
  ]);
}

/** A loaded and attached probe with its counter map. The `events` map stays the caller's. */
export class GetppidProbe {
  readonly program: Program;
  readonly counters: BpfMap;
  #link: Link;

  private constructor(program: Program, counters: BpfMap, link: Link) {
    this.program = program;
    this.counters = counters;
    this.#link = link;
  }

  /**
   * Loads the program for `output`, counting calls of process `pid`, writing to `events` (a
   * ring buffer for "ringbuf*", a perf event array for "perf"), and attaches it.
   */
  static attach(output: ProbeOutput, pid: number, events: BpfMap): GetppidProbe {
    const counters = BpfMap.create({
      name: "counters", type: MapType.ARRAY, keySize: 4, valueSize: 16, maxEntries: 1,
    });
    let program: Program | undefined;
    try {
      const instructions = programFor(output, pid);
      const slots = slotIndices(instructions);
      program = loadProgram({
        name: `getppid_${output.replace("-", "_")}`,
        type: ProgType.TRACEPOINT,
        instructions: encode(instructions),
        mapReferences: instructions.flatMap((insn, i) =>
          insn.mapRef ? [{ insnIndex: slots[i]!, mapName: insn.mapRef }] : []),
      }, { maps: { counters, events } });
      const link = attachTracepoint(program, "syscalls:sys_enter_getppid");
      return new GetppidProbe(program, counters, link);
    } catch (error) {
      program?.close();
      counters.close();
      throw error;
    }
  }

  /** The counter map's current values. */
  read(): ProbeCounters {
    const value = this.counters.lookup(new Uint8Array(4));
    const view = new DataView(value!.buffer);
    return {
      calls: Number(view.getBigUint64(0, true)),
      failures: Number(view.getBigUint64(8, true)),
    };
  }

  /** Detaches and unloads (the caller closes the events map). */
  close(): void {
    this.#link.close();
    this.program.close();
    this.counters.close();
  }

  [Symbol.dispose](): void {
    this.close();
  }
}
