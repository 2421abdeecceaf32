/**
 * A pure-TypeScript reader and writer for little-endian ELF64 files: x86-64 (and other 64-bit
 * little-endian) executables, shared libraries and objects, and `EM_BPF` relocatable objects.
 * It takes and returns bytes; it never opens files, and it uses no FFI.
 *
 * @example
 * import { parseElf, resolveUprobeTarget } from "./elf/mod.ts";
 * const elf = parseElf(readFileSync(path), path);
 * const { fileOffset } = resolveUprobeTarget(elf, "main+0x4");
 */
export * from "./elf_constants.ts";
export { ElfError, type ElfErrorKind } from "./elf_error.ts";
export { ElfFile, type ElfHeader, parseElf } from "./elf_file.ts";
export type { ElfSection } from "./sections.ts";
export { fileOffsetOfAddress, loadSegmentAt, type ProgramHeader } from "./program_headers.ts";
export {
  definedFunctions,
  type ElfSymbol,
  findSymbols,
  isDefined,
  isStripped,
  readSymbolTable,
  SYMBOL_BIND_CODES,
  SYMBOL_TYPE_CODES,
  SYMBOL_VISIBILITY_CODES,
  type SymbolBind,
  symbolTable,
  type SymbolTableKind,
  type SymbolType,
  type SymbolVisibility,
} from "./symbols.ts";
export { importedVersion, type NeededVersion, neededVersions } from "./symbol_versions.ts";
export { dynamicEntries, type DynamicEntry, neededLibraries, soname } from "./dynamic.ts";
export {
  bpfRelocationTypeName,
  type ElfRelocation,
  readRelocations,
  type RelocationGroup,
  relocationsBySection,
} from "./relocations.ts";
export { lookupFunction, lookupSymbol } from "./symbol_lookup.ts";
export { resolveUprobeTarget, symbolFileOffset, type UprobeTarget } from "./uprobe_target.ts";
export { closeNames } from "./close_names.ts";
export {
  writeElf,
  type WriteElfInput,
  type WriteRelocation,
  type WriteSection,
  type WriteSymbol,
} from "./elf_writer.ts";
