/** Text form of the IR, for `--dump=ir` and pass tests. */
import type { Address, Block, Instr, IrFunction, Operand, Terminator } from "./ir.ts";

const operand = (o: Operand) => (o.kind === "reg" ? `v${o.reg}` : `${o.value}`);
const address = (a: Address) => (a.kind === "reg" ? `v${a.reg}` : `slot${a.slot}`);

export function printInstr(i: Instr | Terminator): string {
  switch (i.op) {
    case "arg": return `v${i.dst} = arg ${i.index}`;
    case "mov": return `v${i.dst} = ${i.width === 32 ? "(u32) " : ""}${operand(i.src)}`;
    case "movsx": return `v${i.dst} = (s${i.bits}) v${i.src}`;
    case "alu": return `v${i.dst} = ${i.alu}${i.width} v${i.a}, ${operand(i.b)}`;
    case "neg": return `v${i.dst} = neg${i.width} v${i.a}`;
    case "load":
      return `v${i.dst} = load.${i.signed ? "s" : "u"}${i.size * 8} [${address(i.addr)} + ${i.off}]`;
    case "store": return `store.${i.size * 8} [${address(i.addr)} + ${i.off}], ${operand(i.src)}`;
    case "atomic_add": return `atomic_add.${i.size * 8} [${address(i.addr)} + ${i.off}], v${i.src}`;
    case "slot_addr": return `v${i.dst} = &slot${i.slot} + ${i.off}`;
    case "map": return i.value === undefined ? `v${i.dst} = map ${i.map}`
      : `v${i.dst} = map_value ${i.map} + ${i.value}`;
    case "call":
      return `${i.dst === undefined ? "" : `v${i.dst} = `}call ${i.helper}(${i.args.map(operand).join(", ")})`;
    case "br": return `br ${i.target}`;
    case "cbr": return `if ${i.cmp}${i.width} v${i.a}, ${operand(i.b)} then ${i.then} else ${i.else}`;
    case "ret": return `ret ${operand(i.value)}`;
  }
}

export function printBlock(block: Block): string {
  return [`${block.label}:`, ...block.instrs.map((i) => `  ${printInstr(i)}`),
    `  ${printInstr(block.term)}`].join("\n");
}

export function printFunction(fn: IrFunction): string {
  const slots = fn.slots.map((s, i) => `  slot${i}: ${s.size} bytes (${s.name})`);
  return [`function ${fn.name}`, ...slots, ...fn.blocks.map(printBlock)].join("\n");
}
