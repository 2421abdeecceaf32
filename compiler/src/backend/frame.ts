/**
 * Stack layout: every slot (locals, temporaries, spills) gets a fixed offset below r10, aligned.
 * Slots in use at different times share bytes (slot_lifetimes.ts says when each is in use):
 * each slot, in order of first use, takes the lowest aligned place that no slot in use at the
 * same time holds. eBPF gives a program 512 bytes; when a function needs more, the error names
 * the largest locals so the person knows what to shrink.
 */
import { fail } from "../diagnostics/diagnostic.ts";
import type { Span } from "../diagnostics/diagnostic.ts";
import type { IrFunction } from "../ir/ir.ts";
import { type Lifetime, slotLifetimes } from "./slot_lifetimes.ts";

export const STACK_LIMIT = 512;

/** Offsets (negative, from r10) of each slot, and the frame's size. */
export function layoutFrame(fn: IrFunction, span: Span): { offsets: number[]; size: number } {
  const lifetimes = slotLifetimes(fn);
  // Bytes below r10: slot i takes [low, low + size), its offset is -(low + size).
  const placed: { low: number; high: number; life: Lifetime }[] = [];
  const offsets: number[] = new Array(fn.slots.length);
  const order = fn.slots.map((_, i) => i).sort((a, b) => lifetimes[a]!.start - lifetimes[b]!.start || a - b);
  let top = 0;
  for (const i of order) {
    const slot = fn.slots[i]!;
    const life = lifetimes[i]!;
    const busy = placed.filter((p) => overlaps(p.life, life)).sort((a, b) => a.low - b.low);
    let low = 0;
    for (;;) {
      // The offset (-(low + size)) must be a multiple of the alignment.
      low = Math.ceil((low + slot.size) / slot.align) * slot.align - slot.size;
      const clash = busy.find((p) => p.low < low + slot.size && low < p.high);
      if (!clash) break;
      low = clash.high;
    }
    placed.push({ low, high: low + slot.size, life });
    offsets[i] = -(low + slot.size);
    top = Math.max(top, low + slot.size);
  }
  if (top > STACK_LIMIT) {
    const largest = fn.slots.map((s) => s).sort((a, b) => b.size - a.size).slice(0, 3)
      .map((s) => `${s.name} (${s.size} bytes)`).join(", ");
    fail("TSB3001", span, `'${fn.name}' needs ${top} bytes of stack; eBPF allows ${STACK_LIMIT}`,
      `the largest are ${largest}: make them smaller, or keep large buffers in a per-CPU ` +
      "array map");
  }
  return { offsets, size: top };
}

/** Whether two slots are in use at some common position (a slot never used overlaps none). */
function overlaps(a: Lifetime, b: Lifetime): boolean {
  return a.start <= b.end && b.start <= a.end;
}
