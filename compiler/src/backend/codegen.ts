/**
 * The backend in order: block placement (cold blocks last), legalisation (immediates every
 * instruction can encode), rematerialisation of cheap values around calls, register allocation
 * (which writes spill code into the IR), reloads of what a register still holds dropped, stack
 * layout, emission, then the asm module's assembler resolves labels.
 * Returns the instructions with one span per instruction.
 */
import { assemble, type Instruction } from "@ts-bpf/loader";
import type { Span } from "../diagnostics/diagnostic.ts";
import type { IrFunction } from "../ir/ir.ts";
import { emitFunction } from "./emit.ts";
import { layoutFrame } from "./frame.ts";
import { layoutBlocks } from "./layout_blocks.ts";
import { legalize } from "./legalize.ts";
import { allocateRegisters } from "./regalloc.ts";
import { rematerialize } from "./rematerialize.ts";
import { reuseReloads } from "./reuse_reloads.ts";

export interface MachineFunction {
  name: string;
  instructions: Instruction[];
  /** Source span of each instruction (same index). */
  spans: (Span | undefined)[];
  stackSize: number;
}

/** Generates eBPF for `fn`, which it changes (legalised, with spill code) on the way. */
export function generateCode(fn: IrFunction, span: Span): MachineFunction {
  layoutBlocks(fn);
  legalize(fn);
  rematerialize(fn);
  const allocation = allocateRegisters(fn);
  reuseReloads(fn, allocation);
  const frame = layoutFrame(fn, span);
  const { items, spans } = emitFunction(fn, allocation, frame.offsets);
  const instructions = assemble(items);
  if (instructions.length !== spans.length) {
    throw new Error(`tsbpf compiler bug: ${instructions.length} instructions, ${spans.length} spans`);
  }
  return { name: fn.name, instructions, spans, stackSize: frame.size };
}
