/**
 * IrBuilder: appends instructions to the current block of one function, with the source span
 * of the construct being lowered. The frontend uses it; passes edit `IrFunction`s directly.
 */
import type { Span } from "../diagnostics/diagnostic.ts";
import type { Block, Instr, IrFunction, StackSlot, Terminator, VReg } from "./ir.ts";

export class IrBuilder {
  readonly fn: IrFunction;
  #current: Block | undefined;
  #labels = 0;
  /** Span attached to instructions emitted from now on. */
  span?: Span;

  constructor(name: string) {
    this.fn = { name, blocks: [], slots: [], vregCount: 0 };
    this.#current = this.#newBlock("entry");
  }

  vreg(): VReg {
    return this.fn.vregCount++;
  }

  slot(slot: StackSlot): number {
    this.fn.slots.push(slot);
    return this.fn.slots.length - 1;
  }

  /** A fresh label with a readable prefix. */
  label(prefix: string): string {
    return `${prefix}.${this.#labels++}`;
  }

  /** Whether the current block is still open (false after a return or jump). */
  get open(): boolean {
    return this.#current !== undefined;
  }

  emit(instr: Instr): void {
    if (!this.#current) this.#current = this.#newBlock(this.label("dead"));
    if (!instr.span && this.span) instr.span = this.span;
    this.#current.instrs.push(instr);
  }

  /** Ends the current block with `term`. */
  terminate(term: Terminator): void {
    if (!this.#current) return;
    if (!term.span && this.span) term.span = this.span;
    this.#current.term = term;
    this.#current = undefined;
  }

  /**
   * Starts block `label` (ending the current one with a jump to it if still open); a `cold`
   * block is laid out after the others (see Block.cold).
   */
  startBlock(label: string, cold = false): void {
    if (this.#current) this.terminate({ op: "br", target: label });
    this.#current = this.#newBlock(label);
    if (cold) this.#current.cold = true;
  }

  #newBlock(label: string): Block {
    const block: Block = { label, instrs: [], term: { op: "ret", value: { kind: "imm", value: 0n } } };
    this.fn.blocks.push(block);
    return block;
  }
}
