/**
 * Reads the text form that `print_ir.ts` writes back into an IR function, so pass tests can
 * state their input and expected output as readable IR. Not used by the compiler itself; a
 * malformed line throws with its line number.
 */
import type { Address, AluOp, Block, CmpOp, Instr, IrFunction, MemSize, Operand, StackSlot,
  Terminator, Width } from "./ir.ts";

const ALU = "add|sub|mul|div|sdiv|mod|smod|or|and|xor|lsh|rsh|arsh";
const CMP = "eq|ne|gt|ge|lt|le|sgt|sge|slt|sle";
const V = String.raw`v(\d+)`;
const OPERAND = String.raw`(v\d+|-?\d+)`;
const ADDRESS = String.raw`\[(v\d+|slot\d+) \+ (-?\d+)\]`;

const operand = (text: string): Operand =>
  text.startsWith("v") ? { kind: "reg", reg: Number(text.slice(1)) } : { kind: "imm", value: BigInt(text) };
const address = (text: string): Address =>
  text.startsWith("v") ? { kind: "reg", reg: Number(text.slice(1)) }
    : { kind: "slot", slot: Number(text.slice(4)) };

type Rule = [RegExp, (m: RegExpExecArray) => Instr | Terminator];

const RULES: Rule[] = [
  [new RegExp(`^${V} = arg (\\d+)$`), (m) => ({ op: "arg", dst: +m[1]!, index: +m[2]! })],
  [new RegExp(`^${V} = \\(u32\\) ${OPERAND}$`),
    (m) => ({ op: "mov", dst: +m[1]!, src: operand(m[2]!), width: 32 })],
  [new RegExp(`^${V} = \\(s(8|16|32)\\) ${V}$`),
    (m) => ({ op: "movsx", dst: +m[1]!, src: +m[3]!, bits: +m[2]! as 8 | 16 | 32 })],
  [new RegExp(`^${V} = (${ALU})(32|64) ${V}, ${OPERAND}$`),
    (m) => ({ op: "alu", alu: m[2] as AluOp, dst: +m[1]!, a: +m[4]!, b: operand(m[5]!),
      width: +m[3]! as Width })],
  [new RegExp(`^${V} = neg(32|64) ${V}$`),
    (m) => ({ op: "neg", dst: +m[1]!, a: +m[3]!, width: +m[2]! as Width })],
  [new RegExp(`^${V} = load\\.([su])(8|16|32|64) ${ADDRESS}$`),
    (m) => ({ op: "load", dst: +m[1]!, addr: address(m[4]!), off: +m[5]!,
      size: (+m[3]! / 8) as MemSize, ...(m[2] === "s" ? { signed: true } : {}) })],
  [new RegExp(`^store\\.(8|16|32|64) ${ADDRESS}, ${OPERAND}$`),
    (m) => ({ op: "store", addr: address(m[2]!), off: +m[3]!, size: (+m[1]! / 8) as MemSize,
      src: operand(m[4]!) })],
  [new RegExp(`^atomic_add\\.(32|64) ${ADDRESS}, ${V}$`),
    (m) => ({ op: "atomic_add", addr: address(m[2]!), off: +m[3]!, size: (+m[1]! / 8) as 4 | 8,
      src: +m[4]! })],
  [new RegExp(`^${V} = &slot(\\d+) \\+ (-?\\d+)$`),
    (m) => ({ op: "slot_addr", dst: +m[1]!, slot: +m[2]!, off: +m[3]! })],
  [new RegExp(`^${V} = map (\\S+)$`), (m) => ({ op: "map", dst: +m[1]!, map: m[2]! })],
  [new RegExp(`^${V} = map_value (\\S+) \\+ (\\d+)$`),
    (m) => ({ op: "map", dst: +m[1]!, map: m[2]!, value: +m[3]! })],
  [new RegExp(`^(?:${V} = )?call (\\d+)\\(([^)]*)\\)$`), (m) => ({
    op: "call", helper: +m[2]!, args: m[3] ? m[3].split(", ").map(operand) : [],
    ...(m[1] !== undefined ? { dst: +m[1] } : {}),
  })],
  [new RegExp(`^${V} = ${OPERAND}$`),
    (m) => ({ op: "mov", dst: +m[1]!, src: operand(m[2]!), width: 64 })],
  [/^br (\S+)$/, (m) => ({ op: "br", target: m[1]! })],
  [new RegExp(`^if (${CMP})(32|64) ${V}, ${OPERAND} then (\\S+) else (\\S+)$`),
    (m) => ({ op: "cbr", cmp: m[1] as CmpOp, width: +m[2]! as Width, a: +m[3]!,
      b: operand(m[4]!), then: m[5]!, else: m[6]! })],
  [new RegExp(`^ret ${OPERAND}$`), (m) => ({ op: "ret", value: operand(m[1]!) })],
];

/** Parses one function in the printed form (`function name`, slots, then labelled blocks). */
export function parseFunction(text: string): IrFunction {
  const fn: IrFunction = { name: "", blocks: [], slots: [], vregCount: 0 };
  let block: Block | undefined;
  let ended = true;
  const lines = text.split("\n");
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const where = `line ${index + 1}: '${line}'`;
    const header = /^function (\S+)$/.exec(line);
    if (header) return void (fn.name = header[1]!);
    const slot = /^slot(\d+): (\d+) bytes \((.*)\)$/.exec(line);
    if (slot) {
      const s: StackSlot = { size: +slot[2]!, align: 8, name: slot[3]! };
      fn.slots[+slot[1]!] = s;
      return;
    }
    const label = /^(\S+):$/.exec(line);
    if (label) {
      if (!ended) throw new Error(`IR text: block '${block!.label}' has no terminator before ${where}`);
      block = { label: label[1]!, instrs: [], term: { op: "ret", value: { kind: "imm", value: 0n } } };
      fn.blocks.push(block);
      ended = false;
      return;
    }
    if (!block || ended) throw new Error(`IR text: instruction outside a block at ${where}`);
    const rule = RULES.find(([re]) => re.test(line));
    if (!rule) throw new Error(`IR text: cannot read ${where}`);
    const instr = rule[1](rule[0].exec(line)!);
    for (const m of line.matchAll(/v(\d+)/g)) fn.vregCount = Math.max(fn.vregCount, +m[1]! + 1);
    if (instr.op === "br" || instr.op === "cbr" || instr.op === "ret") {
      block.term = instr as Terminator;
      ended = true;
    } else {
      block.instrs.push(instr as Instr);
    }
  });
  if (!ended) throw new Error(`IR text: block '${block!.label}' has no terminator`);
  return fn;
}
