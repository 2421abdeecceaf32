/**
 * ELF64 section headers: reading the table (including extended section numbering) and naming
 * each section from the section-name string table. It does not interpret section contents; see
 * symbols.ts, relocations.ts and dynamic.ts for that.
 */
import type { ByteReader } from "./byte_reader.ts";
import { ElfError, MALFORMED_HINT } from "./elf_error.ts";
import { SHDR_SIZE, SHN_UNDEF, SHN_XINDEX, SHT_NOBITS, SHT_NULL } from "./elf_constants.ts";

/** One section header, with its name resolved and its bytes one call away. */
export interface ElfSection {
  /** Position in the section header table (0 is the null section). */
  readonly index: number;
  /** Name from the section-name string table (`""` when the file has none). */
  readonly name: string;
  /** `sh_type`, e.g. `SHT_PROGBITS`. */
  readonly type: number;
  /** `sh_flags`, e.g. `SHF_ALLOC | SHF_EXECINSTR`. */
  readonly flags: number;
  /** Virtual address when loaded (0 in relocatable objects). */
  readonly addr: number;
  /** Offset of the contents in the file. */
  readonly offset: number;
  /** Size in bytes (in memory, for `SHT_NOBITS`). */
  readonly size: number;
  /** `sh_link`: a related section's index (a symbol table's string table, …). */
  readonly link: number;
  /** `sh_info`: extra information (a relocation section's target, first global symbol, …). */
  readonly info: number;
  /** Required alignment. */
  readonly addralign: number;
  /** Size of one entry for tables, else 0. */
  readonly entsize: number;
  /** The contents as a view into the file's bytes (empty for `SHT_NOBITS`); no copy is made. */
  data(): Uint8Array;
}

/** Where the section header table is, as the ELF header says. */
export interface SectionTableLocation {
  /** `e_shoff`: file offset of the table (0: no table). */
  readonly shoff: number;
  /** `e_shnum` as stored (0 means the count is in section 0). */
  readonly shnum: number;
  /** `e_shentsize`: must be 64. */
  readonly shentsize: number;
  /** `e_shstrndx` as stored (`SHN_XINDEX` means it is in section 0). */
  readonly shstrndx: number;
}

/**
 * Reads every section header and its name. Handles `e_shnum == 0` and `e_shstrndx == SHN_XINDEX`
 * (counts kept in section 0). Throws `ElfError` if a header or a section's contents lie outside
 * the file, or a name cannot be read.
 */
export function readSections(r: ByteReader, where: SectionTableLocation): ElfSection[] {
  if (where.shoff === 0) return [];
  if (where.shentsize !== SHDR_SIZE) {
    throw new ElfError(
      "malformed",
      r.file,
      `is malformed: section headers are ${where.shentsize} bytes, expected ${SHDR_SIZE}`,
      MALFORMED_HINT,
    );
  }
  let count = where.shnum;
  let strndx = where.shstrndx;
  if (count === 0 || strndx === SHN_XINDEX) {
    const first = readHeader(r, where.shoff, 0);
    if (count === 0) count = first.size;
    if (strndx === SHN_XINDEX) strndx = first.link;
  }
  r.check(where.shoff, count * SHDR_SIZE, `the section header table (${count} headers)`);
  const raw = [];
  for (let i = 0; i < count; i++) raw.push(readHeader(r, where.shoff + i * SHDR_SIZE, i));
  if (strndx !== SHN_UNDEF && strndx >= count) {
    throw new ElfError(
      "malformed",
      r.file,
      `is malformed: the section-name table index ${strndx} is past the last section (${
        count - 1
      })`,
      MALFORMED_HINT,
    );
  }
  const names = strndx === SHN_UNDEF ? undefined : raw[strndx]!;
  return raw.map((h) => {
    const name = names && h.type !== SHT_NULL
      ? r.cString(
        names.offset + h.nameOffset,
        names.offset + names.size,
        `the name of section ${h.index}`,
      )
      : "";
    const bytes = r.bytes;
    const empty = h.type === SHT_NOBITS || h.type === SHT_NULL;
    if (!empty) r.check(h.offset, h.size, `section '${name}' (index ${h.index})`);
    const start = h.offset;
    const end = h.offset + h.size;
    return {
      index: h.index,
      name,
      type: h.type,
      flags: h.flags,
      addr: h.addr,
      offset: h.offset,
      size: h.size,
      link: h.link,
      info: h.info,
      addralign: h.addralign,
      entsize: h.entsize,
      data: () => (empty ? new Uint8Array(0) : bytes.subarray(start, end)),
    };
  });
}

interface RawHeader {
  index: number;
  nameOffset: number;
  type: number;
  flags: number;
  addr: number;
  offset: number;
  size: number;
  link: number;
  info: number;
  addralign: number;
  entsize: number;
}

function readHeader(r: ByteReader, at: number, index: number): RawHeader {
  const what = `section header ${index}`;
  r.check(at, SHDR_SIZE, what);
  return {
    index,
    nameOffset: r.u32(at, what),
    type: r.u32(at + 4, what),
    flags: r.u64(at + 8, what),
    addr: r.u64(at + 16, what),
    offset: r.u64(at + 24, what),
    size: r.u64(at + 32, what),
    link: r.u32(at + 40, what),
    info: r.u32(at + 44, what),
    addralign: r.u64(at + 48, what),
    entsize: r.u64(at + 56, what),
  };
}
