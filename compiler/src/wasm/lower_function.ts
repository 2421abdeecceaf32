/**
 * Lowers one IR function (after the pass pipeline) to a binaryen function with eBPF's
 * semantics: every virtual register is an i64 local, 32-bit operations work on the low half and
 * zero-extend, division by zero gives 0 and modulo by zero keeps the dividend (as the kernel
 * defines them, where WebAssembly would trap), shifts take their amount modulo the width. Stack
 * slots live in the simulator's memory at the frame address the caller passes; pointers are
 * plain 64-bit addresses into that memory. Helpers are imports (`bpf.<helper name>`), each with
 * five i64 arguments like r1–r5. Control flow goes through binaryen's Relooper, which turns the
 * IR's arbitrary graph of blocks into structured WebAssembly.
 *
 * This module is only reached through compile_wasm.ts, which loads binaryen lazily.
 */
import type binaryenModule from "binaryen";
import { Helper } from "@ts-bpf/loader";
import type { AluOp, Address, CmpOp, Instr, IrFunction, Operand, Terminator } from "../ir/ir.ts";

type Binaryen = typeof binaryenModule;
type Ref = number;

/** The memory's internal name in the module. */
export const MEMORY = "0";

/** Helper number → name (map_lookup_elem, …), for import names. */
export const HELPER_NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(Helper).map(([name, id]) => [id as number, name]));

export interface FrameLayout {
  /** Byte offset of each stack slot from the frame address. */
  offsets: number[];
  /** Bytes the frame needs (a multiple of 8). */
  size: number;
}

/** Lays the function's stack slots out one after another, each at its alignment. */
export function layoutFrame(fn: IrFunction): FrameLayout {
  let size = 0;
  const offsets = fn.slots.map((s) => {
    const align = Math.max(1, s.align);
    size = Math.ceil(size / align) * align;
    const at = size;
    size += s.size;
    return at;
  });
  return { offsets, size: Math.ceil(size / 8) * 8 };
}

export interface LowerContext {
  binaryen: Binaryen;
  module: InstanceType<Binaryen["Module"]>;
  /** Whether the memory is memory64 (else addresses are wrapped to 32 bits at each access). */
  memory64: boolean;
  /** The runtime handle of a map, by kernel map name. */
  mapHandle(name: string): bigint;
  /** Declares (once) the import for helper `id`; returns its internal name. */
  helperImport(id: number): string;
  /** Declares (once) an import of the `bpf` namespace that is not a helper; returns its name. */
  importNamed(name: string): string;
}

/**
 * The import giving the address of byte `r2` of map `r1`'s one value (global data, which eBPF
 * reaches by an ld_imm64 the loader patches: here the simulator resolves it at run time).
 */
export const MAP_VALUE_IMPORT = "map_value_address";

const CTX = 0;
const FRAME = 1;
const FIRST_VREG = 2;

/** Adds `fn` to the module as function `exportName`: (ctx: i64, frame: i64) → i64. */
export function lowerFunction(c: LowerContext, fn: IrFunction, exportName: string): FrameLayout {
  const { binaryen: b, module: m } = c;
  const frame = layoutFrame(fn);
  const labelLocal = FIRST_VREG + fn.vregCount;
  const get = (r: number): Ref => m.local.get(FIRST_VREG + r, b.i64);
  const operand = (o: Operand): Ref => o.kind === "reg" ? get(o.reg) : m.i64.const(BigInt.asIntN(64, o.value));
  const low = (x: Ref): Ref => m.i32.wrap(x);
  const pointer = (addr: Address, off: number): Ref => {
    const at = addr.kind === "slot"
      ? m.i64.add(m.local.get(FRAME, b.i64), m.i64.const(BigInt(frame.offsets[addr.slot]! + off)))
      : off === 0 ? get(addr.reg) : m.i64.add(get(addr.reg), m.i64.const(BigInt(off)));
    return c.memory64 ? at : low(at);
  };
  const set = (r: number, value: Ref): Ref => m.local.set(FIRST_VREG + r, value);

  const instr = (i: Instr): Ref => {
    switch (i.op) {
      case "arg": return set(i.dst, i.index === 0 ? m.local.get(CTX, b.i64) : m.i64.const(0n));
      case "mov": return set(i.dst, i.width === 32 ? m.i64.extend_u(low(operand(i.src))) : operand(i.src));
      case "movsx": {
        const x = get(i.src);
        return set(i.dst, i.bits === 8 ? m.i64.extend8_s(x) : i.bits === 16 ? m.i64.extend16_s(x)
          : m.i64.extend32_s(x));
      }
      case "alu": return set(i.dst, alu(c, i.alu, () => get(i.a), () => operand(i.b), i.width));
      case "neg":
        return set(i.dst, i.width === 32 ? m.i64.extend_u(m.i32.sub(m.i32.const(0), low(get(i.a))))
          : m.i64.sub(m.i64.const(0n), get(i.a)));
      case "load": return set(i.dst, load(c, pointer(i.addr, i.off), i.size, i.signed ?? false));
      case "store": return store(c, pointer(i.addr, i.off), i.size, operand(i.src));
      case "atomic_add": {
        // One thread runs the program, so a plain read-modify-write is the atomic add.
        const sum = m.i64.add(load(c, pointer(i.addr, i.off), i.size, false), get(i.src));
        return store(c, pointer(i.addr, i.off), i.size, sum);
      }
      case "slot_addr":
        return set(i.dst, m.i64.add(m.local.get(FRAME, b.i64),
          m.i64.const(BigInt(frame.offsets[i.slot]! + i.off))));
      case "map": {
        if (i.value === undefined) return set(i.dst, m.i64.const(c.mapHandle(i.map)));
        // An address in a global-data map's value: the simulator knows where that value lives.
        const args = [m.i64.const(c.mapHandle(i.map)), m.i64.const(BigInt(i.value)), m.i64.const(0n),
          m.i64.const(0n), m.i64.const(0n)];
        return set(i.dst, m.call(c.importNamed(MAP_VALUE_IMPORT), args, b.i64));
      }
      case "call": {
        const args = [0, 1, 2, 3, 4].map((k) => i.args[k] ? operand(i.args[k]!) : m.i64.const(0n));
        const call = m.call(c.helperImport(i.helper), args, b.i64);
        return i.dst === undefined ? m.drop(call) : set(i.dst, call);
      }
    }
  };

  const relooper = new b.Relooper(m);
  const blocks = new Map<string, number>();
  for (const block of fn.blocks) {
    const code = block.instrs.map(instr);
    if (block.term.op === "ret") code.push(m.return(operand(block.term.value)));
    blocks.set(block.label, relooper.addBlock(m.block(null, code, b.none)));
  }
  for (const block of fn.blocks) {
    const from = blocks.get(block.label)!;
    const term: Terminator = block.term;
    if (term.op === "br") relooper.addBranch(from, blocks.get(term.target)!, 0, 0);
    // The Relooper takes one branch per target: a test whose two sides meet is a plain jump.
    else if (term.op === "cbr" && term.then === term.else) relooper.addBranch(from, blocks.get(term.then)!, 0, 0);
    else if (term.op === "cbr") {
      relooper.addBranch(from, blocks.get(term.then)!, compare(c, term.cmp, get(term.a), operand(term.b), term.width), 0);
      relooper.addBranch(from, blocks.get(term.else)!, 0, 0);
    }
  }
  const body = relooper.renderAndDispose(blocks.get(fn.blocks[0]!.label)!, labelLocal);
  const vars = [...new Array<number>(fn.vregCount).fill(b.i64), b.i32];
  m.addFunction(exportName, b.createType([b.i64, b.i64]), b.i64, vars,
    m.block(null, [body, m.unreachable()], b.i64));
  m.addFunctionExport(exportName, exportName);
  return frame;
}

function load(c: LowerContext, ptr: Ref, size: 1 | 2 | 4 | 8, signed: boolean): Ref {
  const m = c.module;
  switch (size) {
    case 1: return signed ? m.i64.load8_s(0, 1, ptr, MEMORY) : m.i64.load8_u(0, 1, ptr, MEMORY);
    case 2: return signed ? m.i64.load16_s(0, 1, ptr, MEMORY) : m.i64.load16_u(0, 1, ptr, MEMORY);
    case 4: return signed ? m.i64.load32_s(0, 1, ptr, MEMORY) : m.i64.load32_u(0, 1, ptr, MEMORY);
    case 8: return m.i64.load(0, 1, ptr, MEMORY);
  }
}

function store(c: LowerContext, ptr: Ref, size: 1 | 2 | 4 | 8, value: Ref): Ref {
  const m = c.module;
  switch (size) {
    case 1: return m.i64.store8(0, 1, ptr, value, MEMORY);
    case 2: return m.i64.store16(0, 1, ptr, value, MEMORY);
    case 4: return m.i64.store32(0, 1, ptr, value, MEMORY);
    case 8: return m.i64.store(0, 1, ptr, value, MEMORY);
  }
}

/**
 * `a op b` with eBPF's results. `lhs()` and `rhs()` build fresh copies of the operands (each
 * is a local.get or a constant), since a division needs them in a test and in the operation.
 */
function alu(c: LowerContext, op: AluOp, lhs: () => Ref, rhs: () => Ref, width: 32 | 64): Ref {
  const m = c.module;
  if (width === 32) {
    const w = m.i32;
    const x = () => m.i32.wrap(lhs());
    const y = () => m.i32.wrap(rhs());
    const r = (v: Ref) => m.i64.extend_u(v);
    const zero = () => w.eqz(y());
    const minusOne = () => w.eq(y(), w.const(-1));
    switch (op) {
      case "add": return r(w.add(x(), y()));
      case "sub": return r(w.sub(x(), y()));
      case "mul": return r(w.mul(x(), y()));
      case "or": return r(w.or(x(), y()));
      case "and": return r(w.and(x(), y()));
      case "xor": return r(w.xor(x(), y()));
      case "lsh": return r(w.shl(x(), y()));
      case "rsh": return r(w.shr_u(x(), y()));
      case "arsh": return r(w.shr_s(x(), y()));
      case "div": return r(m.if(zero(), w.const(0), w.div_u(x(), y())));
      case "mod": return r(m.if(zero(), x(), w.rem_u(x(), y())));
      // INT_MIN / -1 overflows (WebAssembly traps; eBPF gives INT_MIN, i.e. the negation).
      case "sdiv": return r(m.if(zero(), w.const(0), m.if(minusOne(), w.sub(w.const(0), x()), w.div_s(x(), y()))));
      case "smod": return r(m.if(zero(), x(), m.if(minusOne(), w.const(0), w.rem_s(x(), y()))));
    }
  }
  const w = m.i64;
  const x = lhs;
  const y = rhs;
  const zero = () => w.eqz(y());
  const minusOne = () => w.eq(y(), w.const(-1n));
  switch (op) {
    case "add": return w.add(x(), y());
    case "sub": return w.sub(x(), y());
    case "mul": return w.mul(x(), y());
    case "or": return w.or(x(), y());
    case "and": return w.and(x(), y());
    case "xor": return w.xor(x(), y());
    case "lsh": return w.shl(x(), y());
    case "rsh": return w.shr_u(x(), y());
    case "arsh": return w.shr_s(x(), y());
    case "div": return m.if(zero(), w.const(0n), w.div_u(x(), y()));
    case "mod": return m.if(zero(), x(), w.rem_u(x(), y()));
    case "sdiv": return m.if(zero(), w.const(0n), m.if(minusOne(), w.sub(w.const(0n), x()), w.div_s(x(), y())));
    case "smod": return m.if(zero(), x(), m.if(minusOne(), w.const(0n), w.rem_s(x(), y())));
  }
}

function compare(c: LowerContext, op: CmpOp, a: Ref, bRef: Ref, width: 32 | 64): Ref {
  const m = c.module;
  const w = width === 32 ? m.i32 : m.i64;
  const x = width === 32 ? m.i32.wrap(a) : a;
  const y = width === 32 ? m.i32.wrap(bRef) : bRef;
  switch (op) {
    case "eq": return w.eq(x, y);
    case "ne": return w.ne(x, y);
    case "gt": return w.gt_u(x, y);
    case "ge": return w.ge_u(x, y);
    case "lt": return w.lt_u(x, y);
    case "le": return w.le_u(x, y);
    case "sgt": return w.gt_s(x, y);
    case "sge": return w.ge_s(x, y);
    case "slt": return w.lt_s(x, y);
    case "sle": return w.le_s(x, y);
  }
}
