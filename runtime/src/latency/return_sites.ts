/**
 * Where a function returns, for probing its return instructions instead of using a uretprobe
 * (`tsbpf latency --at-returns`): a uretprobe replaces the return address on the stack, which
 * makes an exception unwinding through the function abort the program; a probe on each `ret`
 * leaves the stack alone. Only functions whose every exit is a `ret` qualify: a direct jump out
 * of the function (a tail call) or an indirect jump (a jump table, or a tail call through a
 * pointer) would leave without passing a probed `ret`, so such functions keep their uretprobe.
 */
import type { CatalogFunction } from "./function_catalog.ts";
import { decodeFunction } from "./x86_length.ts";

/** The file offsets of a function's return instructions, or why they cannot stand for its exits. */
export type ReturnSites = { offsets: number[] } | { reason: string };

const EM_X86_64 = 62;

/** Where `fn` returns, decoded from its code (with the `.cold` parts gcc splits off). */
export function returnSites(fn: CatalogFunction): ReturnSites {
  const elf = fn.module.executable.elf;
  if (elf.machine !== EM_X86_64) return { reason: "return instructions are decoded for x86-64 only" };
  if (fn.size === 0) return { reason: "its symbol has no size" };
  // gcc moves unlikely paths into `<name>.cold`, reached by jumps: part of the same function.
  const parts = [fn, ...fn.module.coldParts.filter((f) => f.size > 0 &&
    fn.mangled.some((m) => f.mangled.some((c) => c === `${m}.cold` || c.startsWith(`${m}.cold.`))))];
  const inside = (address: number) => parts.some((part) => address >= part.address && address < part.address + part.size);
  const offsets: number[] = [];
  for (const part of parts) {
    const start = part.module.executable.resolve(part.address).fileOffset;
    const instructions = decodeFunction(elf.bytes.subarray(start, start + part.size));
    if (!instructions) return { reason: "its code could not be decoded" };
    for (const ins of instructions) {
      const at = `${part === fn ? "" : "its cold part "}+0x${ins.offset.toString(16)}`;
      if (ins.indirectJump) return { reason: `it has an indirect jump at ${at} (a jump table or a tail call)` };
      if (ins.jumpTarget !== undefined && !inside(part.address + ins.jumpTarget)) {
        return { reason: `it jumps out of itself at ${at} (a tail call)` };
      }
      if (ins.ret) offsets.push(start + ins.offset);
    }
  }
  if (offsets.length === 0) return { reason: "it has no return instruction (it never returns, or only by tail call)" };
  return { offsets };
}
