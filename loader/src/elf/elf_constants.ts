/**
 * Numeric constants of the ELF64 format that tsbpf reads and writes (from the System V gABI, the
 * GNU extensions and the Linux BPF ABI). Only the values the reader and writer use or report are
 * here; this is not a complete list.
 */

/** `e_type`: relocatable object (`.o`). */
export const ET_REL = 1;
/** `e_type`: executable linked at a fixed address (non-PIE). */
export const ET_EXEC = 2;
/** `e_type`: shared object, or a position-independent executable. */
export const ET_DYN = 3;
/** `e_type`: core dump. */
export const ET_CORE = 4;

/** `e_machine`: AMD x86-64. */
export const EM_X86_64 = 62;
/** `e_machine`: ARM AArch64. */
export const EM_AARCH64 = 183;
/** `e_machine`: Linux BPF. */
export const EM_BPF = 247;

/** Section type: unused header (index 0). */
export const SHT_NULL = 0;
/** Section type: bytes defined by the program (code, data). */
export const SHT_PROGBITS = 1;
/** Section type: full symbol table (`.symtab`). */
export const SHT_SYMTAB = 2;
/** Section type: string table. */
export const SHT_STRTAB = 3;
/** Section type: relocations with explicit addends (`.rela*`). */
export const SHT_RELA = 4;
/** Section type: SysV symbol hash table. */
export const SHT_HASH = 5;
/** Section type: dynamic linking entries (`.dynamic`). */
export const SHT_DYNAMIC = 6;
/** Section type: notes. */
export const SHT_NOTE = 7;
/** Section type: occupies no file bytes (`.bss`). */
export const SHT_NOBITS = 8;
/** Section type: relocations without addends (`.rel*`). */
export const SHT_REL = 9;
/** Section type: dynamic symbol table (`.dynsym`). */
export const SHT_DYNSYM = 11;
/** Section type: extended section indexes of a symbol table. */
export const SHT_SYMTAB_SHNDX = 18;
/** Section type: versions needed from shared libraries (`.gnu.version_r`). */
export const SHT_GNU_VERNEED = 0x6ffffffe;
/** Section type: version index of each dynamic symbol (`.gnu.version`). */
export const SHT_GNU_VERSYM = 0x6fffffff;

/** Section flag: writable at run time. */
export const SHF_WRITE = 0x1;
/** Section flag: loaded into memory. */
export const SHF_ALLOC = 0x2;
/** Section flag: contains instructions. */
export const SHF_EXECINSTR = 0x4;
/** Section flag: `sh_info` holds a section index. */
export const SHF_INFO_LINK = 0x40;

/** Section index of undefined symbols. */
export const SHN_UNDEF = 0;
/** First reserved section index. */
export const SHN_LORESERVE = 0xff00;
/** Section index of absolute symbols. */
export const SHN_ABS = 0xfff1;
/** Section index of common (unallocated) symbols. */
export const SHN_COMMON = 0xfff2;
/** Section index escape: the real index is elsewhere. */
export const SHN_XINDEX = 0xffff;

/** Segment type: unused. */
export const PT_NULL = 0;
/** Segment type: mapped from the file into memory. */
export const PT_LOAD = 1;
/** Segment type: the dynamic section. */
export const PT_DYNAMIC = 2;
/** Segment type: path of the program interpreter. */
export const PT_INTERP = 3;
/** Segment type: notes. */
export const PT_NOTE = 4;
/** Segment type: the program header table itself. */
export const PT_PHDR = 6;
/** Segment type: stack permissions (GNU). */
export const PT_GNU_STACK = 0x6474e551;

/** Segment flag: executable. */
export const PF_X = 0x1;
/** Segment flag: writable. */
export const PF_W = 0x2;
/** Segment flag: readable. */
export const PF_R = 0x4;

/** Dynamic tag: end of the entries. */
export const DT_NULL = 0;
/** Dynamic tag: a needed shared library (string table offset). */
export const DT_NEEDED = 1;
/** Dynamic tag: address of the dynamic string table. */
export const DT_STRTAB = 5;
/** Dynamic tag: size of the dynamic string table. */
export const DT_STRSZ = 10;
/** Dynamic tag: the shared object's own name. */
export const DT_SONAME = 14;
/** Dynamic tag: library search path. */
export const DT_RUNPATH = 29;

/** BPF relocation: none. */
export const R_BPF_NONE = 0;
/** 64-bit immediate of an `ld_imm64` instruction (map references, global data). */
export const R_BPF_64_64 = 1;
/** 64-bit data word (addresses in data sections, DWARF). */
export const R_BPF_64_ABS64 = 2;
/** 32-bit data word (BTF and DWARF offsets). */
export const R_BPF_64_ABS32 = 3;
/** 32-bit data word that the dynamic loader leaves alone (`.BTF.ext` line info). */
export const R_BPF_64_NODYLD32 = 4;
/** 32-bit pc-relative call immediate (BPF-to-BPF calls). */
export const R_BPF_64_32 = 10;

/** Size of the ELF64 file header. */
export const EHDR_SIZE = 64;
/** Size of an ELF64 section header. */
export const SHDR_SIZE = 64;
/** Size of an ELF64 program header. */
export const PHDR_SIZE = 56;
/** Size of an ELF64 symbol. */
export const SYM_SIZE = 24;
/** Size of an ELF64 relocation without addend. */
export const REL_SIZE = 16;
/** Size of an ELF64 relocation with addend. */
export const RELA_SIZE = 24;
/** Size of an ELF64 dynamic entry. */
export const DYN_SIZE = 16;
