/**
 * Finding one symbol by name for a user, with errors that say what to do: not found (with close
 * names, and whether the file is stripped), imported from a shared library (named through symbol
 * versions or DT_NEEDED), ambiguous, or not a function. It does not compute file offsets.
 */
import type { ElfFile } from "./elf_file.ts";
import { closeNames } from "./close_names.ts";
import { neededLibraries } from "./dynamic.ts";
import { ElfError } from "./elf_error.ts";
import { SHF_EXECINSTR } from "./elf_constants.ts";
import { importedVersion } from "./symbol_versions.ts";
import {
  definedFunctions,
  type ElfSymbol,
  findSymbols,
  isDefined,
  isStripped,
  symbolTable,
} from "./symbols.ts";

/**
 * The symbol `name` defined in this file (any type), preferring `.symtab` over `.dynsym`.
 * @throws ElfError `symbol_not_found` (with suggestions), `symbol_undefined` (imported; names the
 *   library when it can) or `symbol_ambiguous` (several definitions at different addresses).
 * @example
 * lookupSymbol(elf, "main").value // 0x1139
 */
export function lookupSymbol(elf: ElfFile, name: string): ElfSymbol {
  const all = findSymbols(elf, name);
  const defined = all.filter(isDefined);
  if (defined.length === 0) {
    const imported = all.find((s) => s.sectionIndex === 0);
    if (imported) throw undefinedError(elf, name, imported);
    throw notFoundError(elf, name);
  }
  const addresses = [...new Set(defined.map((s) => s.value))];
  if (addresses.length > 1) {
    const list = addresses.slice(0, 5).map(hex).join(", ") + (addresses.length > 5 ? ", …" : "");
    throw new ElfError(
      "symbol_ambiguous",
      elf.name,
      `has ${addresses.length} symbols named '${name}' at different addresses (${list})`,
      "static functions in different source files can share a name; probe one by address",
    );
  }
  return defined[0]!;
}

/**
 * The function `name` defined in this file: like `lookupSymbol`, and also rejects data symbols
 * and GNU indirect functions (`not_a_function`). Untyped symbols in code sections (assembly
 * labels) are accepted.
 * @throws ElfError as `lookupSymbol`, or `not_a_function`.
 */
export function lookupFunction(elf: ElfFile, name: string): ElfSymbol {
  const symbol = lookupSymbol(elf, name);
  if (symbol.type === "FUNC") return symbol;
  const section = elf.sections[symbol.sectionIndex];
  if (symbol.type === "NOTYPE" && section && (section.flags & SHF_EXECINSTR) !== 0) return symbol;
  if (symbol.type === "GNU_IFUNC") {
    // Functions whose names contain the indirect one's, except the resolver at its address.
    const implementations = closeNames(
      name,
      definedFunctions(elf).filter((f) => f.name.includes(name) && f.value !== symbol.value).map((
        f,
      ) => f.name),
    );
    throw new ElfError(
      "not_a_function",
      elf.name,
      `has '${name}' as a GNU indirect function: its address is the resolver that picks an ` +
        "implementation once at load time, not the code that runs on each call",
      implementations.length > 0
        ? `probe an implementation instead: ${quoteList(implementations)}`
        : "probe the implementation the resolver selects (list functions with 'nm')",
    );
  }
  const where = section && section.index !== 0 ? ` in '${section.name}'` : "";
  throw new ElfError(
    "not_a_function",
    elf.name,
    `has '${name}' as a symbol of type ${symbol.type}${where}, not a function`,
    "uprobes fire when code runs: probe a function that uses this data instead",
  );
}

function notFoundError(elf: ElfFile, name: string): ElfError {
  const functions = definedFunctions(elf);
  const suggestions = closeNames(name, functions.map((f) => f.name));
  const mean = suggestions.length > 0 ? ` (did you mean ${quoteList(suggestions)}?)` : "";
  if (isStripped(elf)) {
    const exported = symbolTable(elf, "dynsym").filter((s) =>
      s.type === "FUNC" && isDefined(s)
    ).length;
    return new ElfError(
      "symbol_not_found",
      elf.name,
      `has no symbol '${name}'${mean}: it is stripped (no .symtab), so only functions ` +
        `exported in .dynsym are known, and it exports ${exported === 0 ? "none" : exported}`,
      "rebuild it without 'strip' or '-s', install its debug symbols, or probe an address",
    );
  }
  return new ElfError(
    "symbol_not_found",
    elf.name,
    `has no symbol '${name}' in .symtab or .dynsym${mean}`,
    "check the spelling; the compiler may inline static functions or rename them " +
      "('name.constprop.0'), and C++ names are mangled (list them with 'nm -C')",
  );
}

function undefinedError(elf: ElfFile, name: string, symbol: ElfSymbol): ElfError {
  const version = importedVersion(elf, symbol);
  const needed = safeNeeded(elf);
  let from: string;
  let library: string | undefined;
  if (version) {
    library = version.file;
    from = `it is imported from ${version.file} (version ${version.version})`;
  } else if (needed.length === 1) {
    library = needed[0];
    from = `it is imported from ${needed[0]}`;
  } else if (needed.length > 1) {
    from = `it is imported from one of its libraries: ${needed.join(", ")}`;
  } else {
    from = "it is undefined here and must come from another file at load time";
  }
  return new ElfError(
    "symbol_undefined",
    elf.name,
    `does not define '${name}': ${from}`,
    library
      ? `attach the uprobe to ${library} instead (its path is in /proc/<pid>/maps or 'ldd' output)`
      : "attach the uprobe to the library that defines it",
  );
}

function safeNeeded(elf: ElfFile): string[] {
  try {
    return neededLibraries(elf);
  } catch (error) {
    if (error instanceof ElfError) return [];
    throw error;
  }
}

function quoteList(names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
}

/** `0x` and lower-case hex. */
export function hex(value: number): string {
  return `0x${value.toString(16)}`;
}
