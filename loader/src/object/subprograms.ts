/**
 * Links bpf-to-bpf calls: when a program calls functions in `.text`, the whole of `.text` is
 * appended after it (as libbpf does, minus its dead-code pruning) and each call's pc-relative
 * immediate is rewritten to land on the callee's new position. `.text`'s own map references
 * move with it.
 */
import type { ElfFile } from "../elf/elf_file.ts";
import type { ElfSection } from "../elf/sections.ts";
import type { ElfSymbol } from "../elf/symbols.ts";
import type { MapReference } from "../programs/program_spec.ts";
import { Pseudo } from "../asm/mod.ts";
import { ObjectError } from "./object_error.ts";
import type { ObjectMap } from "./object_spec.ts";
import { relocate } from "./object_relocations.ts";

/** A call (or function-address load) at `index` whose target is `.text` instruction `textInsn`. */

export interface CallSite {
  index: number;
  textInsn: number;
  kind: "call" | "func";
}

export interface LinkedCode {
  code: Uint8Array;
  mapReferences: MapReference[];
  /** Where `.text` starts in the linked program, when it was appended. */
  textBase?: number;
}

export function linkSubprograms(code: Uint8Array, calls: readonly CallSite[],
  text: ElfSection | undefined, elf: ElfFile, file: string, maps: readonly ObjectMap[],
  textRelocations: readonly { offset: number; symbol?: ElfSymbol }[]): LinkedCode {
  if (calls.length === 0) return { code, mapReferences: [] };
  if (!text) throw new ObjectError(file, "a program calls a function but there is no .text");
  const textBase = code.length / 8;
  const textCode = elf.bytes.slice(text.offset, text.offset + text.size);
  const inner = relocate(elf, file, text, textRelocations, 0, text.size, textCode, maps);
  const linked = new Uint8Array(code.length + textCode.length);
  linked.set(code);
  linked.set(textCode, code.length);
  const view = new DataView(linked.buffer);
  const patch = (site: CallSite, base: number) => {
    const at = base + site.index;
    const target = textBase + site.textInsn;
    // Both a call and a BPF_PSEUDO_FUNC address load count in instructions from the next one.
    view.setInt32(at * 8 + 4, target - at - 1, true);
    if (site.kind === "func") linked[at * 8 + 1] = (linked[at * 8 + 1]! & 0x0f) | (Pseudo.FUNC << 4);
  };
  for (const site of calls) patch(site, 0);
  for (const site of inner.calls) patch(site, textBase);
  return {
    code: linked,
    mapReferences: inner.mapReferences.map((r) => ({ ...r, insnIndex: r.insnIndex + textBase })),
    textBase,
  };
}
