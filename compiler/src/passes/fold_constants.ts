/**
 * Constant propagation and folding. A register known to hold a constant on every path is
 * replaced by an immediate wherever the instruction accepts one; an instruction whose result
 * is then fully known becomes a `mov` of that constant; identities (x + 0, x * 1, x & -1, …)
 * become moves. Division and modulo by a known zero fold with eBPF's meaning (x / 0 = 0,
 * x % 0 = x): the verifier refuses a constant zero divisor, so one must never be left behind. Helper calls, loads and arguments are never folded: their results are not
 * known at compile time. Leaves branches to `fold_branches.ts`, dead moves to DCE.
 */
import { type Block, COMMUTATIVE, type Instr, type IrFunction, type Operand, type VReg } from "../ir/ir.ts";
import { rewriteUses } from "../ir/operands.ts";
import { analyseForward, type Facts } from "../ir/forward_facts.ts";
import { evaluateAlu, evaluateMovsx, evaluateNeg, immediate, SWAPPED } from "./evaluate.ts";

/** The constant `instr` produces given what is known about its operands, if any. */
function resultOf(instr: Instr, known: Facts<bigint>): bigint | undefined {
  const value = (o: Operand) => (o.kind === "imm" ? BigInt.asUintN(64, o.value) : known.get(o.reg));
  switch (instr.op) {
    case "mov": {
      const v = value(instr.src);
      if (v === undefined) return undefined;
      return instr.width === 32 ? BigInt.asUintN(32, v) : v;
    }
    case "movsx": {
      const v = known.get(instr.src);
      return v === undefined ? undefined : evaluateMovsx(instr.bits, v);
    }
    case "alu": {
      const a = known.get(instr.a);
      const b = value(instr.b);
      if (a !== undefined && b !== undefined) return evaluateAlu(instr.alu, instr.width, a, b);
      // x & 0, x * 0 and (eBPF) x / 0 are 0 whatever x is.
      const zero = b !== undefined && BigInt.asUintN(instr.width, b) === 0n;
      if (zero && ["and", "mul", "div", "sdiv"].includes(instr.alu)) return 0n;
      return undefined;
    }
    case "neg": {
      const a = known.get(instr.a);
      return a === undefined ? undefined : evaluateNeg(instr.width, a);
    }
    default:
      return undefined;
  }
}

const transfer = (instr: Instr, known: Facts<bigint>) => {
  if (!("dst" in instr) || instr.dst === undefined) return;
  const v = resultOf(instr, known);
  if (v === undefined) known.delete(instr.dst);
  else known.set(instr.dst, v);
};

/** Constants known after the last instruction of `block`, given those known at its entry. */
export function constantsAtEnd(block: Block, entry: Facts<bigint>): Facts<bigint> {
  const known = new Map(entry);
  for (const instr of block.instrs) transfer(instr, known);
  return known;
}

/** Constants known at the entry of each block. */
export function knownConstants(fn: IrFunction): Map<string, Facts<bigint>> {
  return analyseForward(fn, { transfer, equal: (a, b) => a === b });
}

export function foldConstants(fn: IrFunction): void {
  const atEntry = knownConstants(fn);
  for (const block of fn.blocks) {
    const entry = atEntry.get(block.label);
    if (!entry) continue;
    const known = new Map(entry);
    const substitute = (r: VReg, immediateOk: boolean): Operand => {
      const v = known.get(r);
      return v !== undefined && immediateOk ? immediate(v) : { kind: "reg", reg: r };
    };
    block.instrs = block.instrs.map((instr) => {
      const value = resultOf(instr, known);
      rewriteUses(instr, substitute);
      const out = value !== undefined && "dst" in instr && instr.dst !== undefined
        ? { op: "mov" as const, dst: instr.dst, src: immediate(value), width: 64 as const, span: instr.span }
        : simplify(instr, known);
      transfer(instr, known);
      return out;
    });
    const term = block.term;
    rewriteUses(term, substitute);
    // `if 5 < v` reads better, and encodes, as `if v > 5`.
    if (term.op === "cbr" && known.has(term.a) && term.b.kind === "reg" && !known.has(term.b.reg)) {
      const a = term.a;
      term.a = term.b.reg;
      term.b = immediate(known.get(a)!);
      term.cmp = SWAPPED[term.cmp];
    }
  }
}

/** Identities and operand order on an instruction whose result is not fully known. */
function simplify(instr: Instr, known: Facts<bigint>): Instr {
  if (instr.op !== "alu") return instr;
  // A known first operand moves to the immediate side when the operation allows.
  if (known.has(instr.a) && instr.b.kind === "reg" && COMMUTATIVE.has(instr.alu)) {
    const a = instr.a;
    instr.a = instr.b.reg;
    instr.b = immediate(known.get(a)!);
  }
  if (instr.b.kind !== "imm") return instr;
  const b = BigInt.asUintN(instr.width, instr.b.value);
  const all = (1n << BigInt(instr.width)) - 1n;
  // eBPF's x % 0 is x (and the verifier refuses a constant zero divisor, so it must go).
  const identity = (b === 0n && ["mod", "smod"].includes(instr.alu)) ||
    (b === 0n && ["add", "sub", "or", "xor", "lsh", "rsh", "arsh"].includes(instr.alu)) ||
    (b === 1n && ["mul", "div", "sdiv"].includes(instr.alu)) ||
    (b === all && instr.alu === "and");
  if (!identity) return instr;
  return { op: "mov", dst: instr.dst, src: { kind: "reg", reg: instr.a }, width: instr.width,
    span: instr.span };
}
