/**
 * Instructions to text, in the wording of the kernel's verifier log (kernel/bpf/disasm.c) so
 * that a line of ours can be matched against a line of a verifier log or of `bpftool prog dump
 * xlated`: `r1 = 22`, `w0 += w1`, `r2 = *(u32 *)(r1 +8)`, `lock *(u64 *)(r1 +0) += r2`,
 * `if r1 > 0x5 goto pc+3`, `call bpf_map_lookup_elem#1`, `exit`. With `indices` and `opcodes`
 * a line reads exactly like the verifier's: `0: (b7) r1 = 22`.
 *
 * Where the kernel would print an address, we print what we know instead, in bpftool's style:
 * `map[fd:5]` (or `map[id:5]` for xlated instructions, as bpftool does), `map[fd:5][0]+16` for
 * a map value, `map[idx:2]` for fd_array loads, `subprog[+5]` for a callback address, and the
 * symbolic name when the instruction carries one: `map[events]`, `call pc+7#handle`.
 * Instructions the kernel would not accept print as `BUG_…` lines, as the kernel's do.
 */
import { type Instruction, slotCount } from "./instruction.ts";
import { helperName } from "./helpers.ts";
import {
  ADDR_SPACE_CAST,
  AluOp,
  AtomicOp,
  Class,
  JmpOp,
  MAY_GOTO,
  Mode,
  opClass,
  opMode,
  opOperation,
  opSize,
  opSource,
  Pseudo,
  PseudoCall,
  Size,
  Source,
} from "./opcodes.ts";

/** How `disassemble()` prints. */
export interface DisassembleOptions {
  /** Prefix each line with its slot index, `12: `, as the verifier log does. */
  indices?: boolean;
  /** Prefix each line with the opcode in hex, `(b7) `, as the verifier log does. */
  opcodes?: boolean;
  /** Slot index of the first instruction, for `indices`. Default 0. */
  firstSlot?: number;
  /**
   * The instructions were read back from the kernel (BPF_OBJ_GET_INFO_BY_FD's xlated
   * instructions), where pseudo map loads carry map ids: print `map[id:N]` as bpftool does.
   */
  xlated?: boolean;
}

const ALU_SYMBOL: Record<number, string> = {
  [AluOp.ADD]: "+=",
  [AluOp.SUB]: "-=",
  [AluOp.MUL]: "*=",
  [AluOp.DIV]: "/=",
  [AluOp.OR]: "|=",
  [AluOp.AND]: "&=",
  [AluOp.LSH]: "<<=",
  [AluOp.RSH]: ">>=",
  [AluOp.MOD]: "%=",
  [AluOp.XOR]: "^=",
  [AluOp.MOV]: "=",
  [AluOp.ARSH]: "s>>=",
};

const JMP_SYMBOL: Record<number, string> = {
  [JmpOp.JEQ]: "==",
  [JmpOp.JGT]: ">",
  [JmpOp.JGE]: ">=",
  [JmpOp.JSET]: "&",
  [JmpOp.JNE]: "!=",
  [JmpOp.JSGT]: "s>",
  [JmpOp.JSGE]: "s>=",
  [JmpOp.JLT]: "<",
  [JmpOp.JLE]: "<=",
  [JmpOp.JSLT]: "s<",
  [JmpOp.JSLE]: "s<=",
};

const ATOMIC_NAME: Record<number, string> = {
  [AtomicOp.ADD]: "add",
  [AtomicOp.OR]: "or",
  [AtomicOp.AND]: "and",
  [AtomicOp.XOR]: "xor",
};

const MOVSX: Record<number, string> = { 8: "(s8)", 16: "(s16)", 32: "(s32)" };

/** The C type of a load/store opcode's access size: `u32`, `u16`, `u8`, `u64`. */
function unsignedType(opcode: number): string {
  return ["u32", "u16", "u8", "u64"][opSize(opcode) >> 3]!;
}

/** The C type of a sign-extending load's access size; none for 64 bits. */
function signedType(opcode: number): string | undefined {
  return ["s32", "s16", "s8"][opSize(opcode) >> 3];
}

/**
 * Disassembles one instruction into one line.
 *
 * @example disassemble(mov64.imm(R1, 22)) // "r1 = 22"
 */
export function disassemble(instruction: Instruction, options?: DisassembleOptions): string;
/**
 * Disassembles a program into lines joined by "\n" (no trailing newline).
 *
 * @example disassemble([mov64.imm(R0, 0), exit()], { indices: true, opcodes: true })
 * // "0: (b7) r0 = 0\n1: (95) exit"
 */
export function disassemble(
  instructions: readonly Instruction[],
  options?: DisassembleOptions,
): string;
export function disassemble(
  input: Instruction | readonly Instruction[],
  options: DisassembleOptions = {},
): string {
  const list: readonly Instruction[] = Array.isArray(input) ? input : [input as Instruction];
  const lines: string[] = [];
  let slot = options.firstSlot ?? 0;
  for (const instruction of list) {
    lines.push(line(instruction, slot, options));
    slot += slotCount(instruction);
  }
  return lines.join("\n");
}

function line(instruction: Instruction, slot: number, options: DisassembleOptions): string {
  const body = format(instruction, options);
  const opcode = options.opcodes && !body.startsWith("BUG_")
    ? `(${hex2(instruction.opcode)}) `
    : "";
  return `${options.indices ? `${slot}: ` : ""}${opcode}${body}`;
}

function hex2(value: number): string {
  return value.toString(16).padStart(2, "0");
}

/** `%+d`. */
function signed(value: number): string {
  return value >= 0 ? `+${value}` : `${value}`;
}

/** `(u32 *)(r1 +8)`. */
function memory(type: string, reg: number, off: number): string {
  return `(${type} *)(r${reg} ${signed(off)})`;
}

function format(ins: Instruction, options: DisassembleOptions): string {
  switch (opClass(ins.opcode)) {
    case Class.ALU:
    case Class.ALU64:
      return formatAlu(ins);
    case Class.STX:
      return formatStx(ins);
    case Class.ST:
      return formatSt(ins);
    case Class.LDX:
      return formatLdx(ins);
    case Class.LD:
      return formatLd(ins, options);
    default:
      return formatJmp(ins);
  }
}

function formatAlu(ins: Instruction): string {
  const is64 = opClass(ins.opcode) === Class.ALU64;
  const w = is64 ? "r" : "w";
  const op = opOperation(ins.opcode);
  if (op === AluOp.END) {
    if (is64) return `r${ins.dst} = bswap${ins.imm} r${ins.dst}`;
    return `r${ins.dst} = ${opSource(ins.opcode) === Source.X ? "be" : "le"}${ins.imm} r${ins.dst}`;
  }
  if (op === AluOp.NEG) return `${w}${ins.dst} = -${w}${ins.dst}`;
  const symbol = ALU_SYMBOL[op];
  if (symbol === undefined) return `BUG_alu_${hex2(ins.opcode)}`;
  const signedDivMod = (op === AluOp.DIV || op === AluOp.MOD) && ins.off === 1;
  const operator = signedDivMod ? `s${symbol}` : symbol;
  if (opSource(ins.opcode) === Source.K) return `${w}${ins.dst} ${operator} ${ins.imm}`;
  if (is64 && op === AluOp.MOV && ins.off === ADDR_SPACE_CAST) {
    return `r${ins.dst} = addr_space_cast(r${ins.src}, ${ins.imm >>> 16}, ${ins.imm & 0xffff})`;
  }
  const cast = op === AluOp.MOV ? MOVSX[ins.off] ?? "" : "";
  return `${w}${ins.dst} ${operator} ${cast}${w}${ins.src}`;
}

function formatStx(ins: Instruction): string {
  const type = unsignedType(ins.opcode);
  const mode = opMode(ins.opcode);
  if (mode === Mode.MEM) return `*${memory(type, ins.dst, ins.off)} = r${ins.src}`;
  if (mode !== Mode.ATOMIC) return `BUG_${hex2(ins.opcode)}`;
  const suffix = opSize(ins.opcode) === Size.DW ? "64" : "";
  const at = memory(type, ins.dst, ins.off);
  const name = ATOMIC_NAME[ins.imm & ~AtomicOp.FETCH];
  if (name !== undefined && (ins.imm & AtomicOp.FETCH) === 0) {
    return `lock *${at} ${ALU_SYMBOL[ins.imm]} r${ins.src}`;
  }
  if (name !== undefined) return `r${ins.src} = atomic${suffix}_fetch_${name}(${at}, r${ins.src})`;
  switch (ins.imm) {
    case AtomicOp.CMPXCHG:
      return `r0 = atomic${suffix}_cmpxchg(${at}, r0, r${ins.src})`;
    case AtomicOp.XCHG:
      return `r${ins.src} = atomic${suffix}_xchg(${at}, r${ins.src})`;
    case AtomicOp.LOAD_ACQ:
      return `r${ins.dst} = load_acquire(${memory(type, ins.src, ins.off)})`;
    case AtomicOp.STORE_REL:
      return `store_release(${at}, r${ins.src})`;
    default:
      return `BUG_${hex2(ins.opcode)}`;
  }
}

/** The kernel-internal BPF_NOSPEC mode of the ST class (speculation barrier in xlated code). */
const NOSPEC = 0xc0;

function formatSt(ins: Instruction): string {
  const mode = opMode(ins.opcode);
  if (mode === Mode.MEM) {
    return `*${memory(unsignedType(ins.opcode), ins.dst, ins.off)} = ${ins.imm}`;
  }
  if (mode === NOSPEC) return "nospec";
  return `BUG_st_${hex2(ins.opcode)}`;
}

function formatLdx(ins: Instruction): string {
  const mode = opMode(ins.opcode);
  const type = mode === Mode.MEM
    ? unsignedType(ins.opcode)
    : mode === Mode.MEMSX
    ? signedType(ins.opcode)
    : undefined;
  if (type === undefined) return `BUG_ldx_${hex2(ins.opcode)}`;
  return `r${ins.dst} = *${memory(type, ins.src, ins.off)}`;
}

function formatLd(ins: Instruction, options: DisassembleOptions): string {
  const mode = opMode(ins.opcode);
  const type = unsignedType(ins.opcode);
  if (mode === Mode.ABS) return `r0 = *(${type} *)skb[${ins.imm}]`;
  if (mode === Mode.IND) return `r0 = *(${type} *)skb[r${ins.src} + ${ins.imm}]`;
  if (mode === Mode.IMM && opSize(ins.opcode) === Size.DW) {
    return `r${ins.dst} = ${immediate64(ins, options)}`;
  }
  return `BUG_ld_${hex2(ins.opcode)}`;
}

function immediate64(ins: Instruction, options: DisassembleOptions): string {
  const value = ins.imm64 ?? BigInt(ins.imm >>> 0);
  const low = ins.imm;
  const high = Number(BigInt.asIntN(32, value >> 32n));
  const map = (kind: string): string => `map[${ins.mapRef ?? `${kind}:${low}`}]`;
  switch (ins.src) {
    case Pseudo.MAP_FD:
      return map(options.xlated ? "id" : "fd");
    case Pseudo.MAP_VALUE:
      return `${map(options.xlated ? "id" : "fd")}[0]+${high}`;
    case Pseudo.MAP_IDX:
      return map("idx");
    case Pseudo.MAP_IDX_VALUE:
      return ins.mapRef === undefined ? `${map("idx")}+${high}` : `${map("idx")}[0]+${high}`;
    case Pseudo.FUNC:
      return `subprog[${signed(low)}${ins.callTarget === undefined ? "" : `#${ins.callTarget}`}]`;
    default:
      return `0x${value.toString(16)}`;
  }
}

function formatJmp(ins: Instruction): string {
  const is32 = opClass(ins.opcode) === Class.JMP32;
  const op = opOperation(ins.opcode);
  if (op === JmpOp.CALL) return formatCall(ins);
  if (ins.opcode === (Class.JMP | JmpOp.JA)) return `goto pc${signed(ins.off)}`;
  if (ins.opcode === (Class.JMP | JmpOp.JCOND) && ins.src === MAY_GOTO) {
    return `may_goto pc${signed(ins.off)}`;
  }
  if (ins.opcode === (Class.JMP32 | JmpOp.JA)) return `gotol pc${signed(ins.imm)}`;
  if (ins.opcode === (Class.JMP | JmpOp.EXIT)) return "exit";
  const symbol = JMP_SYMBOL[op];
  if (symbol === undefined) return `BUG_jmp_${hex2(ins.opcode)}`;
  const w = is32 ? "w" : "r";
  const operand = opSource(ins.opcode) === Source.X
    ? `${w}${ins.src}`
    : `0x${(ins.imm >>> 0).toString(16)}`;
  return `if ${w}${ins.dst} ${symbol} ${operand} goto pc${signed(ins.off)}`;
}

function formatCall(ins: Instruction): string {
  if (ins.src === PseudoCall.CALL) {
    return `call pc${signed(ins.imm)}${ins.callTarget === undefined ? "" : `#${ins.callTarget}`}`;
  }
  if (ins.src === PseudoCall.KFUNC_CALL) {
    return `call ${ins.callTarget ?? "kernel-function"}#${ins.imm}`;
  }
  const name = ins.src === 0 ? helperName(ins.imm) : undefined;
  return `call ${name ?? "unknown"}#${ins.imm}`;
}
