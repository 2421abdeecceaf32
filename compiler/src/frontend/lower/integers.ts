/**
 * Integer semantics of the DSL, as the kernel computes them: every value is kept canonical in a
 * 64-bit register (zero-extended if unsigned, sign-extended if signed), so results wrap at the
 * type's width, 64-bit compares are right, and shifts count modulo the operation's width.
 */
import type { AluOp, CmpOp } from "../../ir/ir.ts";
import { imm, reg } from "../../ir/ir.ts";
import type { IrBuilder } from "../../ir/builder.ts";
import { fail, type Span } from "../../diagnostics/diagnostic.ts";
import { type IntType, intRange, typeName } from "../dsl_types.ts";

/** Brings `r` back to canonical form for `type` after an operation that may overflow. */
export function normalize(b: IrBuilder, r: number, type: IntType): void {
  if (type.bits === 64) return;
  if (type.signed) {
    b.emit({ op: "movsx", dst: r, src: r, bits: type.bits as 8 | 16 | 32 });
  } else if (type.bits === 32) {
    b.emit({ op: "mov", dst: r, src: reg(r), width: 32 });
  } else {
    b.emit({ op: "alu", alu: "and", dst: r, a: r, b: imm(type.bits === 8 ? 0xff : 0xffff), width: 64 });
  }
}

/** A constant wrapped into `type`'s range (what the kernel would compute). */
export function wrapConstant(value: bigint, type: IntType): bigint {
  return type.signed ? BigInt.asIntN(type.bits, value) : BigInt.asUintN(type.bits, value);
}

/** Checks that a literal fits its type exactly (a literal that wraps is a mistake). */
export function checkLiteralFits(value: bigint, type: IntType, span: Span): void {
  const [lo, hi] = intRange(type);
  if (value < lo || value > hi) {
    fail("TSB2101", span, `${value} does not fit in ${typeName(type)} (${lo} … ${hi})`,
      `use a wider type, or convert explicitly with ${type.name}(…) to wrap`);
  }
}

/** The type of `a op b` when both are integers: the wider, never silently mixing signedness. */
export function commonIntType(a: IntType, b: IntType, span: Span): IntType {
  if (a.bits === b.bits && a.signed === b.signed) return a;
  if (a.signed === b.signed) return a.bits > b.bits ? a : b;
  const unsigned = a.signed ? b : a;
  const signed = a.signed ? a : b;
  if (signed.bits > unsigned.bits) return signed;
  fail("TSB2102", span, `this mixes ${typeName(a)} and ${typeName(b)}: signed and unsigned ` +
    "compare and divide differently", `convert one side explicitly, e.g. ${unsigned.name}(x) or ` +
    `${signed.bits >= unsigned.bits ? signed.name : "i64"}(x)`);
}

export const ARITHMETIC: Record<string, AluOp | undefined> = {
  "+": "add", "-": "sub", "*": "mul", "/": "div", "%": "mod", "&": "and", "|": "or",
  "^": "xor", "<<": "lsh", ">>": "rsh", ">>>": "rsh",
};

/** The ALU op for a binary operator on `type` (signed division, arithmetic right shift). */
export function aluFor(operator: string, type: IntType): AluOp {
  const op = ARITHMETIC[operator]!;
  if (!type.signed) return op;
  if (op === "div") return "sdiv";
  if (op === "mod") return "smod";
  if (operator === ">>") return "arsh";
  return op;
}

/** Whether the result of `op` on canonical operands may leave the canonical form. */
export function mayOverflow(op: AluOp): boolean {
  return op === "add" || op === "sub" || op === "mul" || op === "lsh" || op === "sdiv" ||
    op === "smod";
}

/** Folds `a op b` at compile time with the kernel's semantics (division by zero gives 0). */
export function foldAlu(op: AluOp, a: bigint, b: bigint, type: IntType | undefined): bigint {
  const width = BigInt(type && type.bits <= 32 ? 32 : 64);
  let r: bigint;
  switch (op) {
    case "add": r = a + b; break;
    case "sub": r = a - b; break;
    case "mul": r = a * b; break;
    case "div": r = b === 0n ? 0n : BigInt.asUintN(64, a) / BigInt.asUintN(64, b); break;
    case "sdiv": r = b === 0n ? 0n : a / b; break;
    case "mod": r = b === 0n ? a : BigInt.asUintN(64, a) % BigInt.asUintN(64, b); break;
    case "smod": r = b === 0n ? a : a % b; break;
    case "and": r = a & b; break;
    case "or": r = a | b; break;
    case "xor": r = a ^ b; break;
    case "lsh": r = a << (b & (width - 1n)); break;
    case "rsh": r = BigInt.asUintN(64, a) >> (b & (width - 1n)); break;
    case "arsh": r = a >> (b & (width - 1n)); break;
  }
  return type ? wrapConstant(r, type) : r;
}

export const COMPARISONS: Record<string, [unsigned: CmpOp, signed: CmpOp] | undefined> = {
  "==": ["eq", "eq"], "===": ["eq", "eq"], "!=": ["ne", "ne"], "!==": ["ne", "ne"],
  "<": ["lt", "slt"], "<=": ["le", "sle"], ">": ["gt", "sgt"], ">=": ["ge", "sge"],
};

export function foldCompare(cmp: CmpOp, a: bigint, b: bigint): boolean {
  switch (cmp) {
    case "eq": return a === b;
    case "ne": return a !== b;
    case "gt": case "sgt": return a > b;
    case "ge": case "sge": return a >= b;
    case "lt": case "slt": return a < b;
    case "le": case "sle": return a <= b;
  }
}
