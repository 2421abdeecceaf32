/**
 * Symbols from `.symtab` and `.dynsym`: decoding the tables (with extended section indexes),
 * finding symbols by name, and a deduplicated list of the functions a file defines. It does not
 * map symbols to file offsets; see uprobe_target.ts.
 */
import type { ElfFile } from "./elf_file.ts";
import type { ElfSection } from "./sections.ts";
import { ElfError, MALFORMED_HINT } from "./elf_error.ts";
import {
  SHN_LORESERVE,
  SHN_UNDEF,
  SHN_XINDEX,
  SHT_DYNSYM,
  SHT_SYMTAB,
  SHT_SYMTAB_SHNDX,
  SYM_SIZE,
} from "./elf_constants.ts";

/** `STT_*` as a name; `"OTHER"` for values tsbpf does not know (see `info` for the raw value). */
export type SymbolType =
  | "NOTYPE"
  | "OBJECT"
  | "FUNC"
  | "SECTION"
  | "FILE"
  | "COMMON"
  | "TLS"
  | "GNU_IFUNC"
  | "OTHER";
/** `STB_*` as a name; `"OTHER"` for unknown values. */
export type SymbolBind = "LOCAL" | "GLOBAL" | "WEAK" | "GNU_UNIQUE" | "OTHER";
/** `STV_*` as a name. */
export type SymbolVisibility = "DEFAULT" | "INTERNAL" | "HIDDEN" | "PROTECTED";
/** Which table a symbol came from. */
export type SymbolTableKind = "symtab" | "dynsym";

/** `STT_*` codes by name (the writer uses these). */
export const SYMBOL_TYPE_CODES: Readonly<Record<Exclude<SymbolType, "OTHER">, number>> = {
  NOTYPE: 0,
  OBJECT: 1,
  FUNC: 2,
  SECTION: 3,
  FILE: 4,
  COMMON: 5,
  TLS: 6,
  GNU_IFUNC: 10,
};
/** `STB_*` codes by name. */
export const SYMBOL_BIND_CODES: Readonly<Record<Exclude<SymbolBind, "OTHER">, number>> = {
  LOCAL: 0,
  GLOBAL: 1,
  WEAK: 2,
  GNU_UNIQUE: 10,
};
/** `STV_*` codes by name. */
export const SYMBOL_VISIBILITY_CODES: Readonly<Record<SymbolVisibility, number>> = {
  DEFAULT: 0,
  INTERNAL: 1,
  HIDDEN: 2,
  PROTECTED: 3,
};

/** One symbol table entry. */
export interface ElfSymbol {
  /** Name (empty for section symbols and the null symbol). */
  readonly name: string;
  /** `st_value`: an address in executables and libraries, an offset in its section in objects. */
  readonly value: number;
  /** `st_size` in bytes (0 when unknown). */
  readonly size: number;
  /** Kind of thing named: `"FUNC"`, `"OBJECT"`, `"SECTION"`, … */
  readonly type: SymbolType;
  /** Linkage: `"LOCAL"`, `"GLOBAL"`, `"WEAK"`, … */
  readonly bind: SymbolBind;
  /** Visibility outside the file: `"DEFAULT"`, `"HIDDEN"`, … */
  readonly visibility: SymbolVisibility;
  /** Section the symbol is defined in; `SHN_UNDEF` (0) for imports, `SHN_ABS`, `SHN_COMMON`. */
  readonly sectionIndex: number;
  /** Raw `st_info` (type and bind). */
  readonly info: number;
  /** Raw `st_other` (visibility). */
  readonly other: number;
  /** Position in its table (what relocations refer to). */
  readonly index: number;
  /** The table it came from. */
  readonly table: SymbolTableKind;
}

const TYPE_NAMES = invert(SYMBOL_TYPE_CODES);
const BIND_NAMES = invert(SYMBOL_BIND_CODES);
const VISIBILITY_NAMES = invert(SYMBOL_VISIBILITY_CODES);
const cache = new WeakMap<ElfSection, readonly ElfSymbol[]>();

/**
 * Every entry of a symbol table section (`SHT_SYMTAB` or `SHT_DYNSYM`), including the null symbol
 * at index 0 so that indexes match relocations. Cached per section, so do not modify the result.
 * @throws ElfError when the table or its string table is malformed.
 */
export function readSymbolTable(elf: ElfFile, section: ElfSection): readonly ElfSymbol[] {
  const cached = cache.get(section);
  if (cached) return cached;
  const table: SymbolTableKind = section.type === SHT_DYNSYM ? "dynsym" : "symtab";
  if (section.entsize !== SYM_SIZE && section.entsize !== 0) {
    throw new ElfError(
      "malformed",
      elf.name,
      `is malformed: symbol table '${section.name}' has ${section.entsize}-byte entries, ` +
        `expected ${SYM_SIZE}`,
      MALFORMED_HINT,
    );
  }
  const strings = elf.sectionAt(section.link, `symbol table '${section.name}'`);
  const strEnd = strings.offset + strings.size;
  const extended = elf.sections.find((s) =>
    s.type === SHT_SYMTAB_SHNDX && s.link === section.index
  );
  const r = elf.reader;
  const count = Math.floor(section.size / SYM_SIZE);
  const symbols: ElfSymbol[] = [];
  for (let i = 0; i < count; i++) {
    const at = section.offset + i * SYM_SIZE;
    const what = `symbol ${i} of '${section.name}'`;
    const nameOffset = r.u32(at, what);
    const info = r.u8(at + 4, what);
    const other = r.u8(at + 5, what);
    let sectionIndex = r.u16(at + 6, what);
    if (sectionIndex === SHN_XINDEX && extended) {
      sectionIndex = r.u32(extended.offset + i * 4, `the extended section index of ${what}`);
    }
    symbols.push({
      name: nameOffset === 0
        ? ""
        : r.cString(strings.offset + nameOffset, strEnd, `the name of ${what}`),
      value: r.u64(at + 8, what),
      size: r.u64(at + 16, what),
      type: (TYPE_NAMES.get(info & 0xf) ?? "OTHER") as SymbolType,
      bind: (BIND_NAMES.get(info >> 4) ?? "OTHER") as SymbolBind,
      visibility: VISIBILITY_NAMES.get(other & 3) as SymbolVisibility,
      sectionIndex,
      info,
      other,
      index: i,
      table,
    });
  }
  cache.set(section, symbols);
  return symbols;
}

/**
 * The entries of `.symtab` (`"symtab"`) or `.dynsym` (`"dynsym"`), or `[]` when the file has no
 * such table. Includes the null symbol at index 0.
 */
export function symbolTable(elf: ElfFile, kind: SymbolTableKind): readonly ElfSymbol[] {
  const section = elf.sections.find((s) =>
    s.type === (kind === "dynsym" ? SHT_DYNSYM : SHT_SYMTAB)
  );
  return section ? readSymbolTable(elf, section) : [];
}

/** Whether the file lacks a `.symtab` (only exported `.dynsym` symbols remain). */
export function isStripped(elf: ElfFile): boolean {
  return !elf.sections.some((s) => s.type === SHT_SYMTAB);
}

/** Whether a symbol is defined in this file (not an import, not in a reserved pseudo-section). */
export function isDefined(symbol: ElfSymbol): boolean {
  return symbol.sectionIndex !== SHN_UNDEF &&
    (symbol.sectionIndex < SHN_LORESERVE || symbol.sectionIndex > 0xffff);
}

/** Every symbol named `name` in `.symtab` then `.dynsym` (defined or not). */
export function findSymbols(elf: ElfFile, name: string): ElfSymbol[] {
  return [...symbolTable(elf, "symtab"), ...symbolTable(elf, "dynsym")].filter((s) =>
    s.name === name
  );
}

/**
 * The functions this file defines, from `.symtab` and `.dynsym` merged: one entry per distinct
 * (name, address), preferring the `.symtab` entry, sorted by address then name. Includes
 * `GNU_IFUNC` resolvers.
 *
 * @example
 * definedFunctions(elf).map((f) => f.name) // ["_init", "_start", …, "main", …]
 */
export function definedFunctions(elf: ElfFile): ElfSymbol[] {
  const seen = new Map<string, ElfSymbol>();
  for (const s of [...symbolTable(elf, "symtab"), ...symbolTable(elf, "dynsym")]) {
    if ((s.type !== "FUNC" && s.type !== "GNU_IFUNC") || !isDefined(s) || s.name === "") continue;
    const key = `${s.name}\0${s.value}`;
    if (!seen.has(key)) seen.set(key, s);
  }
  return [...seen.values()].sort((a, b) =>
    a.value - b.value || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

function invert<K extends string>(codes: Readonly<Record<K, number>>): Map<number, K> {
  return new Map(Object.entries(codes).map(([k, v]) => [v as number, k as K]));
}
