/**
 * `parseElf`: turns a file's bytes into an `ElfFile` with its header, section headers and program
 * headers. It checks that the file is little-endian ELF64 and that every header and section lies
 * inside the bytes; it reads no section contents beyond the section names. It does no I/O: the
 * caller reads the file.
 */
import { ByteReader } from "./byte_reader.ts";
import { ElfError, MALFORMED_HINT, TRUNCATED_HINT } from "./elf_error.ts";
import { EHDR_SIZE, SHN_XINDEX } from "./elf_constants.ts";
import { type ProgramHeader, readProgramHeaders } from "./program_headers.ts";
import { type ElfSection, readSections } from "./sections.ts";

const NOT_ELF_HINT = "pass the path of a compiled executable, shared library or object file";
const PN_XNUM = 0xffff;

/** The ELF64 file header fields, after the identification bytes. */
export interface ElfHeader {
  /** `e_type`: `ET_REL`, `ET_EXEC`, `ET_DYN` or `ET_CORE`. */
  readonly type: number;
  /** `e_machine`: `EM_X86_64`, `EM_BPF`, … */
  readonly machine: number;
  /** `e_ident[EI_OSABI]`. */
  readonly osabi: number;
  /** `e_entry`: entry point address (0 for objects and most libraries). */
  readonly entry: number;
  /** `e_flags`. */
  readonly flags: number;
  /** `e_phoff`: offset of the program header table. */
  readonly phoff: number;
  /** `e_shoff`: offset of the section header table. */
  readonly shoff: number;
  /** Index of the section-name string table (resolved past `SHN_XINDEX`). */
  readonly shstrndx: number;
}

/**
 * A parsed ELF64 little-endian file. Sections and program headers are read eagerly; symbols,
 * relocations and dynamic entries are read on demand by the functions in symbols.ts,
 * relocations.ts and dynamic.ts.
 */
export class ElfFile {
  /** The name used in error messages (usually the path). */
  readonly name: string;
  /** The whole file. Section `data()` views point into it. */
  readonly bytes: Uint8Array;
  /** Header fields. */
  readonly header: ElfHeader;
  /** All section headers, indexed by section number (index 0 is the null section). */
  readonly sections: readonly ElfSection[];
  /** All program headers (empty for relocatable objects). */
  readonly programHeaders: readonly ProgramHeader[];
  /** Bounds-checked reader over `bytes`, for the modules that decode section contents. */
  readonly reader: ByteReader;
  private readonly byName = new Map<string, ElfSection>();

  constructor(
    reader: ByteReader,
    header: ElfHeader,
    sections: readonly ElfSection[],
    programHeaders: readonly ProgramHeader[],
  ) {
    this.reader = reader;
    this.name = reader.file;
    this.bytes = reader.bytes;
    this.header = header;
    this.sections = sections;
    this.programHeaders = programHeaders;
    for (const s of sections) {
      if (s.index !== 0 && !this.byName.has(s.name)) this.byName.set(s.name, s);
    }
  }

  /** `e_type`: `ET_REL`, `ET_EXEC`, `ET_DYN`, … */
  get type(): number {
    return this.header.type;
  }

  /** `e_machine`: `EM_X86_64`, `EM_BPF`, … */
  get machine(): number {
    return this.header.machine;
  }

  /** The first section called `name`, or `undefined`. */
  section(name: string): ElfSection | undefined {
    return this.byName.get(name);
  }

  /** Every section of type `type` (e.g. `SHT_REL`), in file order. */
  sectionsOfType(type: number): ElfSection[] {
    return this.sections.filter((s) => s.type === type);
  }

  /**
   * The section at `index`. Throws a `malformed` ElfError naming `what` refers to it when the
   * index is past the end, so a corrupt `sh_link` never becomes an `undefined` deep in a caller.
   */
  sectionAt(index: number, what: string): ElfSection {
    const s = this.sections[index];
    if (s === undefined) {
      throw new ElfError(
        "malformed",
        this.name,
        `is malformed: ${what} refers to section ${index}, ` +
          `but the file has ${this.sections.length}`,
        MALFORMED_HINT,
      );
    }
    return s;
  }
}

/**
 * Parses a little-endian ELF64 file from its bytes.
 *
 * @param bytes the whole file
 * @param name the path or label to use in error messages
 * @throws ElfError (`not_elf`, `unsupported`, `truncated` or `malformed`) when the bytes are not a
 *   well-formed little-endian ELF64 file; never a RangeError.
 * @example
 * const elf = parseElf(readFileSync("/usr/bin/true"), "/usr/bin/true");
 * elf.section(".text")?.data();
 */
export function parseElf(bytes: Uint8Array, name = "(in-memory ELF)"): ElfFile {
  const r = new ByteReader(bytes, name);
  if (
    bytes.length < 4 || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c ||
    bytes[3] !== 0x46
  ) {
    throw new ElfError("not_elf", name, "is not an ELF file (bad magic)", NOT_ELF_HINT);
  }
  if (bytes.length < EHDR_SIZE) {
    throw new ElfError(
      "truncated",
      name,
      `is truncated: it has ${bytes.length} bytes, fewer than the ${EHDR_SIZE}-byte ELF header`,
      TRUNCATED_HINT,
    );
  }
  const elfClass = bytes[4];
  if (elfClass !== 2) {
    const what = elfClass === 1 ? "a 32-bit ELF file" : `an ELF file of unknown class ${elfClass}`;
    throw new ElfError(
      "unsupported",
      name,
      `is ${what}; tsbpf reads only 64-bit ELF`,
      "build the program for a 64-bit target such as x86-64",
    );
  }
  const data = bytes[5];
  if (data !== 1) {
    const what = data === 2 ? "big-endian" : `of unknown byte order ${data}`;
    throw new ElfError(
      "unsupported",
      name,
      `is ${what}; tsbpf reads only little-endian ELF`,
      "build the program for a little-endian target such as x86-64",
    );
  }
  if (bytes[6] !== 1) {
    throw new ElfError(
      "unsupported",
      name,
      `has ELF version ${bytes[6]}; only version 1 exists`,
      MALFORMED_HINT,
    );
  }
  const what = "the ELF header";
  const ehsize = r.u16(52, what);
  if (ehsize < EHDR_SIZE && ehsize !== 0) {
    throw new ElfError(
      "malformed",
      name,
      `is malformed: e_ehsize is ${ehsize}, expected ${EHDR_SIZE}`,
      MALFORMED_HINT,
    );
  }
  const shoff = r.u64(40, what);
  const shnum = r.u16(60, what);
  const sections = readSections(r, {
    shoff,
    shnum,
    shentsize: r.u16(58, what),
    shstrndx: r.u16(62, what),
  });
  let phnum = r.u16(56, what);
  if (phnum === PN_XNUM && sections.length > 0) phnum = sections[0]!.info;
  const header: ElfHeader = {
    type: r.u16(16, what),
    machine: r.u16(18, what),
    osabi: bytes[7]!,
    entry: r.u64(24, what),
    flags: r.u32(48, what),
    phoff: r.u64(32, what),
    shoff,
    shstrndx: resolvedShstrndx(r.u16(62, what), sections),
  };
  const programHeaders = readProgramHeaders(r, {
    phoff: header.phoff,
    phnum,
    phentsize: r.u16(54, what),
  });
  return new ElfFile(r, header, sections, programHeaders);
}

function resolvedShstrndx(raw: number, sections: readonly ElfSection[]): number {
  return raw === SHN_XINDEX && sections.length > 0 ? sections[0]!.link : raw;
}
