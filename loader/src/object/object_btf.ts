/**
 * Prepares an object's .BTF for the kernel. clang leaves every DATASEC's size and its
 * variables' offsets at 0 (the linker would fill them); the kernel refuses that, so they are
 * filled from the ELF section sizes and symbol values, as libbpf does. The types are re-encoded
 * in the same order (same ids); `remapString` turns the old string offsets used by .BTF.ext line
 * info into offsets in the new string section.
 */
import { BtfBuilder } from "../btf/btf_builder.ts";
import type { Btf } from "../btf/btf.ts";
import type { BtfType } from "../btf/types.ts";
import type { ElfFile } from "../elf/elf_file.ts";
import type { ElfSymbol } from "../elf/symbols.ts";

export interface PreparedBtf {
  raw: Uint8Array;
  remapString(oldOffset: number): number;
}

export function prepareObjectBtf(btf: Btf, elf: ElfFile, symbols: readonly ElfSymbol[]):
  PreparedBtf {
  const builder = new BtfBuilder();
  for (const type of btf.types) builder.add(fixDatasec(type, btf, elf, symbols));
  const cache = new Map<number, number>();
  const remapString = (oldOffset: number) => {
    let offset = cache.get(oldOffset);
    if (offset === undefined) {
      offset = builder.addString(btf.strings.get(oldOffset));
      cache.set(oldOffset, offset);
    }
    return offset;
  };
  // Strings for line info must exist before encoding; callers remap first, then call `raw`.
  let raw: Uint8Array | undefined;
  return {
    remapString(oldOffset) {
      if (raw) throw new Error("prepareObjectBtf: remapString called after raw was read");
      return remapString(oldOffset);
    },
    get raw() {
      raw ??= builder.encode();
      return raw;
    },
  };
}

function fixDatasec(type: BtfType, btf: Btf, elf: ElfFile, symbols: readonly ElfSymbol[]):
  BtfType {
  if (type.kind !== "DATASEC") return type;
  const section = elf.section(type.name);
  if (!section) return type;
  const vars = type.vars.map((v) => {
    const variable = btf.typeById(v.type);
    const symbol = symbols.find((s) => s.name === variable.name &&
      s.sectionIndex === section.index);
    return symbol ? { ...v, offset: symbol.value } : v;
  });
  return { ...type, size: section.size, vars };
}
