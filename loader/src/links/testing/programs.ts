/**
 * Small hand-assembled programs for the attach tests, each counting into a one-entry array map
 * whose value is { count: u64, sum: u64 }: a uprobe program that sums a pt_regs register of one
 * process, packet counters for XDP and tc that match a UDP destination port, a socket filter,
 * and a perf_event sample counter. Test support only.
 */
import {
  alu64, assemble, AtomicOp, atomic, call, encode, exit, Helper, type Instruction, jmp, label,
  type Label, ldMapFd, ldx, MapType, mov64, ProgType, R0, R1, R10, R2, R3, R4, R5, R6, R7, Size,
  st,
} from "../../asm/mod.ts";
import { BpfMap } from "../../maps/bpf_map.ts";
import { loadProgram, type Program } from "../../programs/program.ts";

/** x86-64 struct pt_regs offsets. */
export const PtRegs = { rax: 80, rdi: 112 } as const;

/** A loaded program and the map it counts into; close() releases both. */
export class Counter {
  constructor(readonly program: Program, readonly map: BpfMap) {}

  /** How many times the program counted, and the sum of what it added. */
  read(): { count: bigint; sum: bigint } {
    const value = this.map.lookup(new Uint8Array(4))!;
    const view = new DataView(value.buffer, value.byteOffset, 16);
    return { count: view.getBigUint64(0, true), sum: view.getBigUint64(8, true) };
  }

  close(): void {
    this.program.close();
    this.map.close();
  }

  [Symbol.dispose](): void {
    this.close();
  }
}

/**
 * Builds a counter: `prologue` leaves the value to add in r7 (or jumps to "out" to skip);
 * `epilogue` starts at label "out" and sets r0 and exits.
 */
function counter(name: string, type: number, prologue: (Instruction | Label)[],
  epilogue: (Instruction | Label)[]): Counter {
  const map = BpfMap.create({ name: `${name}_map`, type: MapType.ARRAY, keySize: 4, valueSize: 16,
    maxEntries: 1 });
  try {
    const instructions = encode(assemble([
      ...prologue,
      st(Size.W, R10, -4, 0),
      mov64.reg(R2, R10),
      alu64.add.imm(R2, -4),
      ldMapFd(R1, map.fd),
      call(Helper.map_lookup_elem),
      jmp.jeq.imm(R0, 0, "out"),
      mov64.imm(R1, 1),
      atomic(Size.DW, AtomicOp.ADD, R0, R1, 0),
      atomic(Size.DW, AtomicOp.ADD, R0, R7, 8),
      label("out"),
      ...epilogue,
    ]));
    return new Counter(loadProgram({ name, type, instructions, license: "GPL" }), map);
  } catch (error) {
    map.close();
    throw error;
  }
}

/** A kprobe-type program for uprobes: counts calls in process `tgid`, summing a u32 register. */
export function registerCounter(tgid: number, register: keyof typeof PtRegs): Counter {
  return counter(`uprobe_${register}`, ProgType.KPROBE, [
    mov64.reg(R6, R1),
    call(Helper.get_current_pid_tgid),
    alu64.rsh.imm(R0, 32),
    jmp.jne.imm(R0, tgid, "out"),
    ldx(Size.W, R7, R6, PtRegs[register]),
  ], [mov64.imm(R0, 0), exit()]);
}

/** A kprobe-type program for uprobes: counts calls in process `tgid`, summing the attach cookie. */
export function cookieCounter(tgid: number): Counter {
  return counter("uprobe_cookie", ProgType.KPROBE, [
    mov64.reg(R6, R1),
    call(Helper.get_current_pid_tgid),
    alu64.rsh.imm(R0, 32),
    jmp.jne.imm(R0, tgid, "out"),
    mov64.reg(R1, R6),
    call(Helper.get_attach_cookie),
    mov64.reg(R7, R0),
  ], [mov64.imm(R0, 0), exit()]);
}

/**
 * Counts IPv4 UDP packets to `port` (Ethernet framing, 20-byte IP header as on loopback).
 * XDP reads data/data_end at ctx offsets 0/4 (xdp_md), tc at 76/80 (__sk_buff).
 */
function packetCounter(name: string, type: number, dataOffset: number, verdict: number,
  port: number): Counter {
  const portBigEndian = ((port & 0xff) << 8) | (port >> 8);
  return counter(name, type, [
    ldx(Size.W, R2, R1, dataOffset),
    ldx(Size.W, R3, R1, dataOffset + 4),
    mov64.reg(R4, R2),
    alu64.add.imm(R4, 38),
    jmp.jgt.reg(R4, R3, "out"),
    ldx(Size.H, R5, R2, 12),
    jmp.jne.imm(R5, 0x0008, "out"), // ETH_P_IP, read little-endian
    ldx(Size.B, R5, R2, 23),
    jmp.jne.imm(R5, 17, "out"), // IPPROTO_UDP
    ldx(Size.H, R5, R2, 36),
    jmp.jne.imm(R5, portBigEndian, "out"),
    mov64.imm(R7, 1),
  ], [mov64.imm(R0, verdict), exit()]);
}

/** An XDP program counting UDP packets to `port`; passes everything. */
export function xdpCounter(port: number): Counter {
  return packetCounter("xdp_count", ProgType.XDP, 0, 2 /* XDP_PASS */, port);
}

/** A sched_cls program counting UDP packets to `port`; returns TCX_NEXT. */
export function tcCounter(port: number): Counter {
  return packetCounter("tc_count", ProgType.SCHED_CLS, 76, -1, port);
}

/**
 * A socket filter that counts every packet (summing skb->len: UDP header + payload) and drops
 * those with a payload of one byte.
 */
export function socketFilterCounter(): Counter {
  return counter("sock_count", ProgType.SOCKET_FILTER, [
    ldx(Size.W, R7, R1, 0), // __sk_buff.len
  ], [
    jmp.jle.imm(R7, 8 + 1, "drop"),
    mov64.imm(R0, -1), // keep the whole packet
    exit(),
    label("drop"),
    mov64.imm(R0, 0),
    exit(),
  ]);
}

/** A perf_event program counting samples. */
export function sampleCounter(): Counter {
  return counter("samples", ProgType.PERF_EVENT, [mov64.imm(R7, 1)], [mov64.imm(R0, 0), exit()]);
}
