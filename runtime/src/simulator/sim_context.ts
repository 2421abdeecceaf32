/**
 * Builds the bytes of a handler's context for the simulator (the pointers they hold, to
 * strings in simulated user memory, stay valid after the event), laid out as the kernel lays them
 * out and as the compiler read them: a tracepoint's fields at the offsets of the format the
 * compiler used (pointer fields given as strings point to a copy in simulated user memory,
 * `__data_loc` strings go after the fixed fields), raw tracepoint and test() arguments as
 * u64s, and x86-64 `struct pt_regs` for uprobes, uretprobes and profile samples.
 */
import type { TracepointFormat } from "@ts-bpf/compiler";
import { type DecodedValue, encodeValue } from "../decode/value_codec.ts";
import type { SimMemory } from "./sim_memory.ts";

/** Offsets in struct pt_regs (x86-64) of the argument registers, rax and ip. */
const PT_REGS_ARGS = [112, 104, 96, 88, 72, 64];
const PT_REGS_RAX = 80;
const PT_REGS_IP = 128;
const PT_REGS_SIZE = 168;
/** bpf_perf_event_data: pt_regs, then sample_period and addr. */
const PERF_EVENT_DATA_SIZE = PT_REGS_SIZE + 16;

/** A context value: numbers and bigints as integers, strings as text (copied to user memory where a pointer is expected). */
export type ContextValue = number | bigint | string | Uint8Array | DecodedValue;

/** Registers of a uprobe, uretprobe or profile context. */
export interface RegistersContext {
  /** The function's arguments (rdi, rsi, rdx, rcx, r8, r9); strings are placed in user memory. */
  args?: ContextValue[];
  /** The return value (rax) for uretprobes. */
  ret?: ContextValue;
  /** The instruction pointer. */
  ip?: bigint | number;
}

const encoder = new TextEncoder();

/** A number, or the address of a copy of a string or bytes in user memory. */
export function scalarOrPointer(memory: SimMemory, value: ContextValue): bigint {
  if (typeof value === "string") return memory.place(encoder.encode(value), true);
  if (value instanceof Uint8Array) return memory.place(value);
  if (typeof value === "bigint") return BigInt.asUintN(64, value);
  if (typeof value === "number") return BigInt.asUintN(64, BigInt(value));
  if (typeof value === "boolean") return value ? 1n : 0n;
  throw new TypeError(`simulator: cannot pass ${JSON.stringify(value)} as an integer or pointer`);
}

/** A tracepoint record's bytes: the format's fields from `values` (missing ones are 0). */
export function tracepointContext(memory: SimMemory, format: TracepointFormat,
  values: Record<string, ContextValue>, defaults: Record<string, ContextValue>): Uint8Array {
  const fixed = format.fields.reduce((end, f) => Math.max(end, f.offset + f.size), 0);
  const tail: Uint8Array[] = [];
  let tailSize = 0;
  const known = new Set(format.fields.map((f) => f.name));
  for (const name of Object.keys(values)) {
    if (!known.has(name)) {
      throw new RangeError(`simulator: tracepoint '${format.name}' has no field '${name}' ` +
        `(its fields: ${format.fields.map((f) => f.name).join(", ")})`);
    }
  }
  const bytes = new Uint8Array(fixed + 4096);
  const view = new DataView(bytes.buffer);
  for (const field of format.fields) {
    const value = values[field.name] ?? defaults[field.name];
    if (value === undefined) continue;
    if (field.dataLoc) {
      const data = typeof value === "string" ? encoder.encode(`${value}\0`) : value as Uint8Array;
      view.setUint32(field.offset, (data.length << 16) | (fixed + tailSize), true);
      tail.push(data);
      tailSize += data.length;
      continue;
    }
    if (field.pointer || (field.type.kind === "int" && (typeof value !== "object" || value instanceof Uint8Array))) {
      const v = scalarOrPointer(memory, value as ContextValue);
      writeInt(view, field.offset, field.size, v);
      continue;
    }
    bytes.set(encodeValue(field.type, value as DecodedValue).subarray(0, field.size), field.offset);
  }
  let at = fixed;
  for (const t of tail) {
    bytes.set(t.subarray(0, bytes.length - at), at);
    at += t.length;
  }
  return bytes.subarray(0, Math.max(8, fixed + tailSize));
}

/** Raw tracepoint and test() arguments: up to 12 u64s. */
export function argsContext(memory: SimMemory, args: ContextValue[]): Uint8Array {
  const bytes = new Uint8Array(Math.max(1, args.length) * 8);
  const view = new DataView(bytes.buffer);
  args.forEach((a, i) => view.setBigUint64(i * 8, scalarOrPointer(memory, a), true));
  return bytes;
}

/** struct pt_regs (or bpf_perf_event_data when `perfEvent`). */
export function registersContext(memory: SimMemory, ctx: RegistersContext, perfEvent: boolean): Uint8Array {
  const bytes = new Uint8Array(perfEvent ? PERF_EVENT_DATA_SIZE : PT_REGS_SIZE);
  const view = new DataView(bytes.buffer);
  (ctx.args ?? []).forEach((a, i) => {
    if (i >= PT_REGS_ARGS.length) throw new RangeError("simulator: x86-64 passes 6 arguments in registers");
    view.setBigUint64(PT_REGS_ARGS[i]!, scalarOrPointer(memory, a), true);
  });
  if (ctx.ret !== undefined) view.setBigUint64(PT_REGS_RAX, scalarOrPointer(memory, ctx.ret), true);
  if (ctx.ip !== undefined) view.setBigUint64(PT_REGS_IP, BigInt(ctx.ip), true);
  return bytes;
}

function writeInt(view: DataView, offset: number, size: number, v: bigint): void {
  switch (size) {
    case 1: view.setUint8(offset, Number(v & 0xffn)); break;
    case 2: view.setUint16(offset, Number(v & 0xffffn), true); break;
    case 4: view.setUint32(offset, Number(v & 0xffffffffn), true); break;
    default: view.setBigUint64(offset, v, true);
  }
}
