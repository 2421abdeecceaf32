/**
 * eBPF arithmetic and compares on constants, exactly as the kernel computes them: 64-bit
 * operations wrap at 64 bits; 32-bit operations work on the low halves and zero-extend the
 * result; division by zero gives 0 and modulo by zero leaves the dividend; shift counts are
 * taken modulo the width. Values are unsigned 64-bit bigints in and out.
 */
import type { AluOp, CmpOp, Width } from "../ir/ir.ts";

const u64 = (v: bigint) => BigInt.asUintN(64, v);
const u32 = (v: bigint) => BigInt.asUintN(32, v);

/** `a op b` at `width` bits; operands are any bigints (taken modulo 2^64). */
export function evaluateAlu(op: AluOp, width: Width, a: bigint, b: bigint): bigint {
  const bits = BigInt(width);
  const low = (v: bigint) => BigInt.asUintN(width, v);
  const signed = (v: bigint) => BigInt.asIntN(width, v);
  const x = low(a);
  const y = low(b);
  let r: bigint;
  switch (op) {
    case "add": r = x + y; break;
    case "sub": r = x - y; break;
    case "mul": r = x * y; break;
    case "div": r = y === 0n ? 0n : x / y; break;
    case "mod": r = y === 0n ? x : x % y; break;
    case "sdiv": r = y === 0n ? 0n : signed(x) / signed(y); break;
    case "smod": r = y === 0n ? x : signed(x) % signed(y); break;
    case "or": r = x | y; break;
    case "and": r = x & y; break;
    case "xor": r = x ^ y; break;
    case "lsh": r = x << (y & (bits - 1n)); break;
    case "rsh": r = x >> (y & (bits - 1n)); break;
    case "arsh": r = signed(x) >> (y & (bits - 1n)); break;
  }
  return width === 32 ? u32(r) : u64(r);
}

export function evaluateNeg(width: Width, a: bigint): bigint {
  return width === 32 ? u32(-a) : u64(-a);
}

/** Sign-extends the low `bits` of a. */
export function evaluateMovsx(bits: 8 | 16 | 32, a: bigint): bigint {
  return u64(BigInt.asIntN(bits, a));
}

/** Whether `a cmp b` holds at `width` bits (signed compares read the operands as signed). */
export function evaluateCompare(cmp: CmpOp, width: Width, a: bigint, b: bigint): boolean {
  const isSigned = cmp.startsWith("s");
  const read = (v: bigint) => isSigned ? BigInt.asIntN(width, v) : BigInt.asUintN(width, v);
  const x = read(a);
  const y = read(b);
  switch (cmp) {
    case "eq": return x === y;
    case "ne": return x !== y;
    case "gt": case "sgt": return x > y;
    case "ge": case "sge": return x >= y;
    case "lt": case "slt": return x < y;
    case "le": case "sle": return x <= y;
  }
}

/** The compare with its operands swapped: `a cmp b` ⇔ `b swapped(cmp) a`. */
export const SWAPPED: Record<CmpOp, CmpOp> = {
  eq: "eq", ne: "ne", gt: "lt", ge: "le", lt: "gt", le: "ge", sgt: "slt", sge: "sle",
  slt: "sgt", sle: "sge",
};

/** An immediate in the IR's readable form: small negatives print as negatives. */
export function immediate(value: bigint): { kind: "imm"; value: bigint } {
  return { kind: "imm", value: BigInt.asIntN(64, value) };
}
