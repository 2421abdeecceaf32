/**
 * Applies an object's relocations to one program's instructions: references to `.maps` become
 * map fd references, references to global data become map value references (with the symbol's
 * offset), and calls into `.text` become call sites for the subprogram linker.
 */
import { SHF_EXECINSTR } from "../elf/elf_constants.ts";
import type { ElfFile } from "../elf/elf_file.ts";
import type { ElfSection } from "../elf/sections.ts";
import type { ElfSymbol } from "../elf/symbols.ts";
import type { MapReference } from "../programs/program_spec.ts";
import { ObjectError } from "./object_error.ts";
import type { ObjectMap } from "./object_spec.ts";
import type { CallSite } from "./subprograms.ts";


/** Sections holding global data, loaded as one-entry array maps. */
export const DATA_SECTION = /^\.(rodata|data|bss)(\..*)?$/;

/** Map references and calls inside one program's byte range of its section. */
export function relocate(elf: ElfFile, file: string, section: ElfSection,
  relocations: readonly { offset: number; symbol?: ElfSymbol }[], start: number, end: number,
  code: Uint8Array, maps: readonly ObjectMap[]): { mapReferences: MapReference[];
    calls: CallSite[] } {
  const mapReferences: MapReference[] = [];
  const calls: CallSite[] = [];
  const view = new DataView(code.buffer, code.byteOffset, code.length);
  for (const rel of relocations) {
    if (rel.offset < start || rel.offset >= end) continue;
    const index = (rel.offset - start) / 8;
    const symbol = rel.symbol;
    if (!symbol) throw new ObjectError(file, `a relocation in '${section.name}' has no symbol`);
    const target = elf.sections[symbol.sectionIndex];
    const where = `'${section.name}' instruction ${index}`;
    if (!target) throw new ObjectError(file, `${where} refers to '${symbol.name}', which is ` +
      "not defined in the object", "extern variables and kfuncs are not supported yet");
    const opcode = code[index * 8]!;
    if (target.name === ".maps" || target.name === "maps") {
      mapReferences.push({ insnIndex: index, mapName: symbol.name, kind: "fd" });
    } else if (DATA_SECTION.test(target.name)) {
      if (!maps.some((m) => m.spec.name === target.name)) {
        throw new ObjectError(file, `${where} refers to empty section '${target.name}'`);
      }
      const addend = view.getInt32(index * 8 + 4, true);
      const offset = (symbol.type === "SECTION" ? 0 : symbol.value) + addend;
      mapReferences.push({ insnIndex: index, mapName: target.name, kind: "value", offset });
    } else if ((target.flags & SHF_EXECINSTR) !== 0) {
      const imm = view.getInt32(index * 8 + 4, true);
      const targetInsn = (symbol.type === "SECTION" ? 0 : symbol.value / 8) +
        (opcode === 0x85 ? imm + 1 : imm / 8);
      if (target.name !== ".text") {
        throw new ObjectError(file, `${where} calls into '${target.name}'`,
          "only functions in .text can be called from programs");
      }
      calls.push({ index, textInsn: targetInsn, kind: opcode === 0x85 ? "call" : "func" });
    } else {
      throw new ObjectError(file, `${where} refers to '${symbol.name}' in section ` +
        `'${target.name}', which is neither a map nor global data`);
    }
  }
  return { mapReferences, calls };
}
