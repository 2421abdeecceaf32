/**
 * ELF64 program headers (segments) and the mapping from virtual addresses to file offsets that
 * uprobes need. Program headers describe how a file is mapped at run time; relocatable objects
 * have none.
 */
import type { ByteReader } from "./byte_reader.ts";
import { ElfError, MALFORMED_HINT } from "./elf_error.ts";
import { PHDR_SIZE, PT_LOAD } from "./elf_constants.ts";

/** One program header. */
export interface ProgramHeader {
  /** `p_type`, e.g. `PT_LOAD`. */
  readonly type: number;
  /** `p_flags`: `PF_R`, `PF_W`, `PF_X`. */
  readonly flags: number;
  /** Offset of the segment's first byte in the file. */
  readonly offset: number;
  /** Virtual address of the segment's first byte (relative to the load base for PIE). */
  readonly vaddr: number;
  /** Physical address (unused on Linux user space). */
  readonly paddr: number;
  /** Bytes of the segment present in the file. */
  readonly filesz: number;
  /** Bytes of the segment in memory (`>= filesz`; the rest is zero-filled). */
  readonly memsz: number;
  /** Alignment. */
  readonly align: number;
}

/** Where the program header table is, as the ELF header says. */
export interface ProgramTableLocation {
  /** `e_phoff`: file offset of the table. */
  readonly phoff: number;
  /** Number of headers (already resolved past `PN_XNUM`). */
  readonly phnum: number;
  /** `e_phentsize`: must be 56 when there are headers. */
  readonly phentsize: number;
}

/** Reads the program header table. Throws `ElfError` if it, or a segment, lies outside the file. */
export function readProgramHeaders(r: ByteReader, where: ProgramTableLocation): ProgramHeader[] {
  if (where.phnum === 0) return [];
  if (where.phentsize !== PHDR_SIZE) {
    throw new ElfError(
      "malformed",
      r.file,
      `is malformed: program headers are ${where.phentsize} bytes, expected ${PHDR_SIZE}`,
      MALFORMED_HINT,
    );
  }
  r.check(
    where.phoff,
    where.phnum * PHDR_SIZE,
    `the program header table (${where.phnum} headers)`,
  );
  const headers: ProgramHeader[] = [];
  for (let i = 0; i < where.phnum; i++) {
    const at = where.phoff + i * PHDR_SIZE;
    const what = `program header ${i}`;
    const header = {
      type: r.u32(at, what),
      flags: r.u32(at + 4, what),
      offset: r.u64(at + 8, what),
      vaddr: r.u64(at + 16, what),
      paddr: r.u64(at + 24, what),
      filesz: r.u64(at + 32, what),
      memsz: r.u64(at + 40, what),
      align: r.u64(at + 48, what),
    };
    if (header.filesz > 0) r.check(header.offset, header.filesz, `segment ${i}`);
    headers.push(header);
  }
  return headers;
}

/**
 * The `PT_LOAD` segment whose file-backed bytes contain virtual address `vaddr`, if any.
 * Addresses in a segment's zero-filled tail (`.bss`) have no file offset and are not matched.
 */
export function loadSegmentAt(
  headers: readonly ProgramHeader[],
  vaddr: number,
): ProgramHeader | undefined {
  return headers.find((h) => h.type === PT_LOAD && vaddr >= h.vaddr && vaddr < h.vaddr + h.filesz);
}

/**
 * The file offset of virtual address `vaddr`: `vaddr − p_vaddr + p_offset` of the `PT_LOAD`
 * segment containing it, or `undefined` when no segment maps it. This is the offset the kernel's
 * uprobe interface wants, for PIE and non-PIE files alike.
 *
 * @example
 * fileOffsetOfAddress(elf.programHeaders, 0x401126) // 0x1126 for a typical non-PIE main
 */
export function fileOffsetOfAddress(
  headers: readonly ProgramHeader[],
  vaddr: number,
): number | undefined {
  const segment = loadSegmentAt(headers, vaddr);
  return segment ? vaddr - segment.vaddr + segment.offset : undefined;
}
