/**
 * Relocations: decoding `SHT_REL` (`Elf64_Rel`) and `SHT_RELA` (`Elf64_Rela`) sections, resolving
 * each entry's symbol, and grouping them by the section they patch (`sh_info`). It does not apply
 * relocations; the BPF loader decides what each one means.
 */
import type { ElfFile } from "./elf_file.ts";
import type { ElfSection } from "./sections.ts";
import { ElfError, MALFORMED_HINT } from "./elf_error.ts";
import {
  R_BPF_64_32,
  R_BPF_64_64,
  R_BPF_64_ABS32,
  R_BPF_64_ABS64,
  R_BPF_64_NODYLD32,
  R_BPF_NONE,
  REL_SIZE,
  RELA_SIZE,
  SHT_REL,
  SHT_RELA,
} from "./elf_constants.ts";
import { type ElfSymbol, readSymbolTable } from "./symbols.ts";

/** One relocation entry. */
export interface ElfRelocation {
  /** `r_offset`: where to patch, as an offset in the target section (objects) or an address. */
  readonly offset: number;
  /** `ELF64_R_TYPE(r_info)`, e.g. `R_BPF_64_64`. */
  readonly type: number;
  /** `ELF64_R_SYM(r_info)`: index into the linked symbol table (0 = no symbol). */
  readonly symbolIndex: number;
  /** `r_addend` for `SHT_RELA` entries; `undefined` for `SHT_REL` (the addend is in place). */
  readonly addend?: number;
  /** The symbol `symbolIndex` names, or `undefined` for index 0 or no linked table. */
  readonly symbol?: ElfSymbol;
}

/** The relocations that patch one section, from every relocation section aimed at it. */
export interface RelocationGroup {
  /** The patched section (the null section, index 0, for dynamic relocations with `sh_info` 0). */
  readonly target: ElfSection;
  /** The `.rel*`/`.rela*` sections the entries came from, in file order. */
  readonly sources: readonly ElfSection[];
  /** The entries, in file order. */
  readonly relocations: readonly ElfRelocation[];
}

const BPF_TYPE_NAMES = new Map<number, string>([
  [R_BPF_NONE, "R_BPF_NONE"],
  [R_BPF_64_64, "R_BPF_64_64"],
  [R_BPF_64_ABS64, "R_BPF_64_ABS64"],
  [R_BPF_64_ABS32, "R_BPF_64_ABS32"],
  [R_BPF_64_NODYLD32, "R_BPF_64_NODYLD32"],
  [R_BPF_64_32, "R_BPF_64_32"],
]);

/**
 * Decodes one `SHT_REL` or `SHT_RELA` section, resolving symbols through its `sh_link` table.
 * @throws ElfError when the section is not a relocation section, or an entry names a symbol past
 *   the end of the table.
 */
export function readRelocations(elf: ElfFile, section: ElfSection): ElfRelocation[] {
  const rela = section.type === SHT_RELA;
  if (!rela && section.type !== SHT_REL) {
    throw new ElfError(
      "invalid_input",
      elf.name,
      `has no relocations in section '${section.name}' (type ${section.type})`,
      "pass a section of type SHT_REL or SHT_RELA",
    );
  }
  const size = rela ? RELA_SIZE : REL_SIZE;
  if (section.entsize !== size && section.entsize !== 0) {
    throw new ElfError(
      "malformed",
      elf.name,
      `is malformed: relocation section '${section.name}' has ${section.entsize}-byte entries, ` +
        `expected ${size}`,
      MALFORMED_HINT,
    );
  }
  const symbols = section.link === 0
    ? []
    : readSymbolTable(elf, elf.sectionAt(section.link, `relocation section '${section.name}'`));
  const r = elf.reader;
  const entries: ElfRelocation[] = [];
  for (let at = section.offset; at + size <= section.offset + section.size; at += size) {
    const what = `a relocation in '${section.name}'`;
    const symbolIndex = r.u32(at + 12, what);
    if (symbolIndex !== 0 && section.link !== 0 && symbolIndex >= symbols.length) {
      throw new ElfError(
        "malformed",
        elf.name,
        `is malformed: ${what} names symbol ${symbolIndex}, but the table has ${symbols.length}`,
        MALFORMED_HINT,
      );
    }
    const base = { offset: r.u64(at, what), type: r.u32(at + 8, what), symbolIndex };
    const symbol = symbolIndex === 0 ? undefined : symbols[symbolIndex];
    entries.push(
      rela
        ? { ...base, addend: r.i64(at + 16, what), ...(symbol && { symbol }) }
        : { ...base, ...(symbol && { symbol }) },
    );
  }
  return entries;
}

/**
 * Every relocation in the file, grouped by the section it patches (`sh_info`), keyed by that
 * section's index, in order of the first relocation section aimed at each.
 *
 * @example
 * for (const { target, relocations } of relocationsBySection(elf).values()) {
 *   console.log(target.name, relocations.map((r) => bpfRelocationTypeName(r.type)));
 * }
 */
export function relocationsBySection(elf: ElfFile): Map<number, RelocationGroup> {
  const groups = new Map<
    number,
    { target: ElfSection; sources: ElfSection[]; relocations: ElfRelocation[] }
  >();
  for (const section of elf.sections) {
    if (section.type !== SHT_REL && section.type !== SHT_RELA) continue;
    const target = elf.sectionAt(section.info, `relocation section '${section.name}'`);
    let group = groups.get(target.index);
    if (!group) groups.set(target.index, group = { target, sources: [], relocations: [] });
    group.sources.push(section);
    for (const entry of readRelocations(elf, section)) group.relocations.push(entry);
  }
  return groups;
}

/** The name of a BPF relocation type (`1` → `"R_BPF_64_64"`), or `"R_BPF_<n>"` when unknown. */
export function bpfRelocationTypeName(type: number): string {
  return BPF_TYPE_NAMES.get(type) ?? `R_BPF_${type}`;
}
