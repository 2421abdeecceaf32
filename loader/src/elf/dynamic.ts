/**
 * The dynamic section (`.dynamic`): its raw entries, the libraries a file needs (`DT_NEEDED`) and
 * its own `DT_SONAME`. Works from section headers, or from `PT_DYNAMIC` when a file has had its
 * section headers removed. It does not search for libraries on disk.
 */
import type { ElfFile } from "./elf_file.ts";
import { ElfError, MALFORMED_HINT } from "./elf_error.ts";
import {
  DT_NEEDED,
  DT_NULL,
  DT_SONAME,
  DT_STRSZ,
  DT_STRTAB,
  DYN_SIZE,
  PT_DYNAMIC,
  SHT_DYNAMIC,
} from "./elf_constants.ts";
import { fileOffsetOfAddress } from "./program_headers.ts";

/** One `Elf64_Dyn` entry. */
export interface DynamicEntry {
  /** `d_tag`, e.g. `DT_NEEDED`. */
  readonly tag: number;
  /** `d_val` / `d_ptr` (values above 2^53, such as prelink checksums, lose precision). */
  readonly value: number;
}

/**
 * The entries of the dynamic section up to (not including) `DT_NULL`; `[]` for static
 * executables and objects.
 * @throws ElfError when the dynamic section lies outside the file.
 */
export function dynamicEntries(elf: ElfFile): DynamicEntry[] {
  const where = dynamicLocation(elf);
  if (!where) return [];
  const r = elf.reader;
  r.check(where.offset, where.size, "the dynamic section");
  const entries: DynamicEntry[] = [];
  for (let at = where.offset; at + DYN_SIZE <= where.offset + where.size; at += DYN_SIZE) {
    const tag = r.i64(at, "a dynamic entry");
    if (tag === DT_NULL) break;
    const value = r.u32(at + 8, "a dynamic entry") +
      r.u32(at + 12, "a dynamic entry") * 0x1_0000_0000;
    entries.push({ tag, value });
  }
  return entries;
}

/**
 * The `DT_NEEDED` names in file order, e.g. `["libc.so.6"]`; `[]` for static files.
 * @throws ElfError when the dynamic string table cannot be found or read.
 */
export function neededLibraries(elf: ElfFile): string[] {
  const entries = dynamicEntries(elf);
  const needed = entries.filter((e) => e.tag === DT_NEEDED);
  if (needed.length === 0) return [];
  const strings = dynamicStrings(elf, entries);
  return needed.map((e) => readString(elf, strings, e.value, "a DT_NEEDED name"));
}

/** The `DT_SONAME` of a shared library (`"libc.so.6"`), or `undefined`. */
export function soname(elf: ElfFile): string | undefined {
  const entries = dynamicEntries(elf);
  const entry = entries.find((e) => e.tag === DT_SONAME);
  return entry
    ? readString(elf, dynamicStrings(elf, entries), entry.value, "the DT_SONAME")
    : undefined;
}

interface Range {
  readonly offset: number;
  readonly size: number;
}

function dynamicLocation(elf: ElfFile): Range | undefined {
  const section = elf.sections.find((s) => s.type === SHT_DYNAMIC);
  if (section) return section;
  const segment = elf.programHeaders.find((p) => p.type === PT_DYNAMIC);
  return segment ? { offset: segment.offset, size: segment.filesz } : undefined;
}

function dynamicStrings(elf: ElfFile, entries: readonly DynamicEntry[]): Range {
  const section = elf.sections.find((s) => s.type === SHT_DYNAMIC);
  if (section) return elf.sectionAt(section.link, "the dynamic section");
  const address = entries.find((e) => e.tag === DT_STRTAB)?.value;
  const size = entries.find((e) => e.tag === DT_STRSZ)?.value;
  const offset = address === undefined
    ? undefined
    : fileOffsetOfAddress(elf.programHeaders, address);
  if (offset === undefined || size === undefined) {
    throw new ElfError(
      "malformed",
      elf.name,
      "is malformed: its dynamic section has no usable DT_STRTAB/DT_STRSZ",
      MALFORMED_HINT,
    );
  }
  return { offset, size };
}

function readString(elf: ElfFile, table: Range, offset: number, what: string): string {
  return elf.reader.cString(table.offset + offset, table.offset + table.size, what);
}
