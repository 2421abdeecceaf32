/**
 * The input types of `writeElf` and the checks shared by its encoders: each failed check becomes
 * an `invalid_input` ElfError naming the bad section, symbol or relocation.
 */
import { ElfError } from "./elf_error.ts";
import type { SymbolBind, SymbolType, SymbolVisibility } from "./symbols.ts";

/** A section to write. Index 1 is the first section given (index 0 is the null section). */
export interface WriteSection {
  /** Section name, e.g. `.text`, `license` or a program's `tracepoint/…` section. */
  readonly name: string;
  /** `sh_type`, e.g. `SHT_PROGBITS`. */
  readonly type: number;
  /** `sh_flags` (default 0). */
  readonly flags?: number;
  /** Contents (default empty; ignored for `SHT_NOBITS`). */
  readonly data?: Uint8Array;
  /** Size of an `SHT_NOBITS` section (default `data.length`). */
  readonly size?: number;
  /** `sh_link` as a section index or name (default 0). */
  readonly link?: number | string;
  /** `sh_info` as a section index or name (default 0). */
  readonly info?: number | string;
  /** `sh_entsize` (default 0). */
  readonly entsize?: number;
  /** `sh_addralign`, a power of two (default 8; 1 for string tables). */
  readonly align?: number;
}

/** A symbol to write. Locals are moved before globals, as ELF requires; order is otherwise kept. */
export interface WriteSymbol {
  /** Symbol name (empty for section symbols). */
  readonly name: string;
  /** Section name or index (`SHN_ABS` and friends allowed); omit for an undefined symbol. */
  readonly section?: string | number;
  /** `st_value`: offset in the section (default 0). */
  readonly value?: number;
  /** `st_size` (default 0). */
  readonly size?: number;
  /** Default `"NOTYPE"`. */
  readonly type?: Exclude<SymbolType, "OTHER">;
  /** Default `"GLOBAL"`. */
  readonly bind?: Exclude<SymbolBind, "OTHER">;
  /** Default `"DEFAULT"`. */
  readonly visibility?: SymbolVisibility;
}

/** A relocation to write into the section it is listed under. */
export interface WriteRelocation {
  /** Byte offset in the target section. */
  readonly offset: number;
  /** Relocation type, e.g. `R_BPF_64_64`. */
  readonly type: number;
  /** A symbol's name, or its position in `WriteElfInput.symbols`; omit for no symbol. */
  readonly symbol?: string | number;
  /** Explicit addend; only with `rela: true`. */
  readonly addend?: number;
}

/** Everything `writeElf` needs. */
export interface WriteElfInput {
  /** The sections, in order; the first becomes index 1. */
  readonly sections: readonly WriteSection[];
  /** The symbols (a null symbol is added first). */
  readonly symbols?: readonly WriteSymbol[];
  /** Relocations keyed by the name of the section they patch. */
  readonly relocations?: Readonly<Record<string, readonly WriteRelocation[]>>;
  /** Write `SHT_RELA` `.rela*` sections instead of `SHT_REL` `.rel*` (LLVM's BPF choice). */
  readonly rela?: boolean;
  /** `e_machine` (default `EM_BPF`). */
  readonly machine?: number;
  /** `e_flags` (default 0). */
  readonly flags?: number;
  /** Name used in error messages (default `"(writeElf output)"`). */
  readonly name?: string;
}

/** Builds the ElfError for bad writer input. */
export type Fail = (problem: string, hint: string) => ElfError;

/** A `Fail` for the output named `file`. */
export function failFor(file: string): Fail {
  return (problem, hint) =>
    new ElfError("invalid_input", file, `cannot be written: ${problem}`, hint);
}

/** `value` if it is a non-negative safe integer; throws otherwise. */
export function unsigned(value: number, what: string, fail: Fail): number {
  if (Number.isSafeInteger(value) && value >= 0) return value;
  throw fail(`${what} is ${value}, not a non-negative integer`, "pass a whole number");
}

/** `value` if it is a non-negative safe integer no greater than `max`; throws otherwise. */
export function limited(value: number, max: number, what: string, fail: Fail): number {
  if (unsigned(value, what, fail) <= max) return value;
  throw fail(`${what} is ${value}, above its maximum ${max}`, "pass a smaller value");
}

/** `name` if it has no NUL character; throws otherwise. */
export function checkedName(name: string, what: string, fail: Fail): string {
  if (name.includes("\0")) throw fail(`${what} has a NUL character in its name`, "remove it");
  return name;
}
