/**
 * Where a uprobe goes: turns a symbol name, `symbol+offset` or a raw address into the file offset
 * the kernel's uprobe interface takes (`st_value − p_vaddr + p_offset` of the containing `PT_LOAD`
 * segment, right for PIE and non-PIE files). It does not find libraries or read /proc.
 */
import type { ElfFile } from "./elf_file.ts";
import { ElfError } from "./elf_error.ts";
import { ET_REL, PF_X, PT_LOAD } from "./elf_constants.ts";
import { loadSegmentAt } from "./program_headers.ts";
import { hex, lookupFunction, lookupSymbol } from "./symbol_lookup.ts";
import { definedFunctions, type ElfSymbol } from "./symbols.ts";

/** A resolved uprobe location. */
export interface UprobeTarget {
  /** Offset in the file, for `perf_event_open`'s uprobe `probe_offset`. */
  readonly fileOffset: number;
  /** The virtual address (as `nm` and `objdump` print it). */
  readonly address: number;
  /** The function containing the address, when one is known. */
  readonly symbol?: ElfSymbol;
  /** `address − symbol.value` (0 without a symbol). */
  readonly offsetInSymbol: number;
  /** Readable form, e.g. `main+0x10`, `0x113a (main+0x1)` or, without a symbol, `0x113a`. */
  readonly description: string;
}

/**
 * The file offset of the symbol `name` (any defined symbol, not only functions).
 * @throws ElfError as `lookupSymbol`, `unsupported` for relocatable objects, or
 *   `address_not_mapped` when no `PT_LOAD` segment holds the symbol's bytes.
 * @example
 * symbolFileOffset(parseElf(bytes, "/usr/bin/bash"), "readline")
 */
export function symbolFileOffset(elf: ElfFile, name: string): number {
  requireSegments(elf);
  const symbol = lookupSymbol(elf, name);
  return offsetOf(elf, symbol.value, `symbol '${name}' at ${hex(symbol.value)}`);
}

/**
 * Resolves a uprobe target given as a function name (`"main"`), a function plus a byte offset
 * (`"main+0x10"`, `"main+16"`) or a virtual address (`"0x1139"`, or a number).
 * @throws ElfError `bad_target` for a malformed spec or an offset past the function's end,
 *   `address_not_mapped` for an address in no executable segment, or the errors of
 *   `lookupFunction` (not found with suggestions, imported, ambiguous, not a function).
 * @example
 * resolveUprobeTarget(elf, "main+0x4").fileOffset // 0x113d when main is at 0x1139
 */
export function resolveUprobeTarget(elf: ElfFile, spec: string | number): UprobeTarget {
  requireSegments(elf);
  if (typeof spec === "number") return atAddress(elf, spec, String(spec));
  const text = spec.trim();
  if (/^(0x[0-9a-f]+|[0-9]+)$/i.test(text)) return atAddress(elf, Number(text), text);
  const plus = /^(.+?)\s*\+\s*(0x[0-9a-f]+|[0-9]+)$/i.exec(text);
  const name = plus ? plus[1]! : text;
  if (name === "" || name.startsWith("-") || /[\s+]/.test(name)) {
    throw new ElfError(
      "bad_target",
      elf.name,
      `cannot be probed at '${spec}': not a function name, 'function+offset' or address`,
      "write e.g. 'main', 'main+0x10' or '0x1139'",
    );
  }
  const symbol = lookupFunction(elf, name);
  const offset = plus ? Number(plus[2]) : 0;
  if (offset > 0 && symbol.size > 0 && offset >= symbol.size) {
    throw new ElfError(
      "bad_target",
      elf.name,
      `cannot be probed at '${text}': offset ${hex(offset)} is past the end of '${name}' ` +
        `(${symbol.size} bytes)`,
      `use an offset below ${hex(symbol.size)}, taken from 'objdump -d' output`,
    );
  }
  const address = symbol.value + offset;
  const description = offset === 0 ? name : `${name}+${hex(offset)}`;
  return {
    fileOffset: offsetOf(elf, address, `'${description}' at ${hex(address)}`),
    address,
    symbol,
    offsetInSymbol: offset,
    description,
  };
}

function atAddress(elf: ElfFile, address: number, text: string): UprobeTarget {
  if (!Number.isSafeInteger(address) || address < 0) {
    throw new ElfError(
      "bad_target",
      elf.name,
      `cannot be probed at '${text}': not a valid address`,
      "write e.g. '0x1139'",
    );
  }
  const segment = loadSegmentAt(elf.programHeaders, address);
  if (!segment || (segment.flags & PF_X) === 0) {
    throw new ElfError(
      "address_not_mapped",
      elf.name,
      `has no code at address ${hex(address)}: it is ${
        segment ? "in a non-executable segment" : "in no loaded segment"
      }`,
      `executable ranges are ${executableRanges(elf)}; take addresses from 'objdump -d' or 'nm'`,
    );
  }
  const symbol = definedFunctions(elf).find((f) =>
    address >= f.value && (address < f.value + f.size || address === f.value)
  );
  const offsetInSymbol = symbol ? address - symbol.value : 0;
  const inside = symbol
    ? ` (${symbol.name}${offsetInSymbol ? `+${hex(offsetInSymbol)}` : ""})`
    : "";
  return {
    fileOffset: address - segment.vaddr + segment.offset,
    address,
    ...(symbol && { symbol }),
    offsetInSymbol,
    description: `${hex(address)}${inside}`,
  };
}

function offsetOf(elf: ElfFile, address: number, what: string): number {
  const segment = loadSegmentAt(elf.programHeaders, address);
  if (!segment) {
    throw new ElfError(
      "address_not_mapped",
      elf.name,
      `has ${what} outside every loaded segment, so it has no file offset`,
      "probe a function; data in .bss, TLS and absolute symbols have no place in the file",
    );
  }
  return address - segment.vaddr + segment.offset;
}

function requireSegments(elf: ElfFile): void {
  if (elf.programHeaders.some((p) => p.type === PT_LOAD)) return;
  const what = elf.type === ET_REL ? "is a relocatable object (.o)" : "has no loadable segments";
  throw new ElfError(
    "unsupported",
    elf.name,
    `${what}, so nothing in it runs at a file offset a uprobe can use`,
    "probe the linked executable or shared library",
  );
}

function executableRanges(elf: ElfFile): string {
  const ranges = elf.programHeaders
    .filter((p) => p.type === PT_LOAD && (p.flags & PF_X) !== 0)
    .map((p) => `${hex(p.vaddr)}..${hex(p.vaddr + p.filesz)}`);
  return ranges.length > 0 ? ranges.join(", ") : "none";
}
