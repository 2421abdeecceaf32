/**
 * Stack layout: every slot (locals, temporaries, spills) gets a fixed offset below r10, aligned.
 * eBPF gives a program 512 bytes; when a function needs more, the error names the largest
 * locals so the person knows what to shrink.
 */
import { fail } from "../diagnostics/diagnostic.ts";
import type { Span } from "../diagnostics/diagnostic.ts";
import type { IrFunction } from "../ir/ir.ts";

export const STACK_LIMIT = 512;

/** Offsets (negative, from r10) of each slot, and the frame's size. */
export function layoutFrame(fn: IrFunction, span: Span): { offsets: number[]; size: number } {
  let top = 0;
  const offsets = fn.slots.map((slot) => {
    top += slot.size;
    top = Math.ceil(top / slot.align) * slot.align;
    return -top;
  });
  if (top > STACK_LIMIT) {
    const largest = fn.slots.map((s) => s).sort((a, b) => b.size - a.size).slice(0, 3)
      .map((s) => `${s.name} (${s.size} bytes)`).join(", ");
    fail("TSB3001", span, `'${fn.name}' needs ${top} bytes of stack; eBPF allows ${STACK_LIMIT}`,
      `the largest are ${largest}: make them smaller, or keep large buffers in a per-CPU ` +
      "array map");
  }
  return { offsets, size: top };
}
