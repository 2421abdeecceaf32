/**
 * Address folding: a load, store or atomic through a register that holds a stack slot's
 * address or `pointer + constant` addresses the slot, or the pointer with the constant added
 * to its offset. eBPF instructions carry a 16-bit offset, so `r1 = r10; r1 += -8; *(u32 *)(r1
 * + 0) = r2` becomes `*(u32 *)(r10 - 8) = r2`, and the address register usually dies.
 */
import type { Address, Instr, IrFunction } from "../ir/ir.ts";
import { analyseForward, type Facts } from "../ir/forward_facts.ts";

interface Location {
  base: Address;
  off: number;
}

const fitsOffset = (off: number) => off >= -0x8000 && off <= 0x7fff;

const transfer = (instr: Instr, at: Facts<Location>) => {
  if (!("dst" in instr) || instr.dst === undefined) return;
  const d = instr.dst;
  let location: Location | undefined;
  if (instr.op === "slot_addr") {
    location = { base: { kind: "slot", slot: instr.slot }, off: instr.off };
  } else if (instr.op === "alu" && instr.alu === "add" && instr.width === 64 &&
    instr.b.kind === "imm" && instr.a !== d) {
    const delta = BigInt.asIntN(64, instr.b.value);
    const inner = at.get(instr.a) ?? { base: { kind: "reg", reg: instr.a } as Address, off: 0 };
    const off = inner.off + Number(delta);
    if (delta >= -0x8000n && delta <= 0x7fffn && fitsOffset(off)) location = { base: inner.base, off };
  } else if (instr.op === "mov" && instr.width === 64 && instr.src.kind === "reg" && instr.src.reg !== d) {
    location = at.get(instr.src.reg);
  }
  at.delete(d);
  for (const [v, l] of at) if (l.base.kind === "reg" && l.base.reg === d) at.delete(v);
  if (location) at.set(d, location);
};

const equal = (a: Location, b: Location) => a.off === b.off && a.base.kind === b.base.kind &&
  (a.base.kind === "slot" ? a.base.slot === (b.base as { slot: number }).slot
    : a.base.reg === (b.base as { reg: number }).reg);

export function foldAddresses(fn: IrFunction): void {
  const atEntry = analyseForward(fn, { transfer, equal });
  for (const block of fn.blocks) {
    const entry = atEntry.get(block.label);
    if (!entry) continue;
    const at = new Map(entry);
    for (const instr of block.instrs) {
      if ((instr.op === "load" || instr.op === "store" || instr.op === "atomic_add") &&
        instr.addr.kind === "reg") {
        const l = at.get(instr.addr.reg);
        if (l && fitsOffset(l.off + instr.off)) {
          instr.addr = l.base;
          instr.off += l.off;
        }
      }
      transfer(instr, at);
    }
  }
}
