/**
 * Encodes `.symtab` and its `.strtab` for `writeElf`: a null symbol first, then the local symbols,
 * then the others, each group in input order. It does not lay out the file.
 */
import { SYM_SIZE } from "./elf_constants.ts";
import { StringTableBuilder } from "./string_table_builder.ts";
import { SYMBOL_BIND_CODES, SYMBOL_TYPE_CODES, SYMBOL_VISIBILITY_CODES } from "./symbols.ts";
import { checkedName, type Fail, unsigned, type WriteSymbol } from "./writer_input.ts";

/** An encoded symbol table. */
export interface EncodedSymbols {
  /** `.symtab` contents. */
  readonly symtab: Uint8Array;
  /** `.strtab` contents. */
  readonly strtab: Uint8Array;
  /** Index of the first non-local symbol (the `.symtab` `sh_info`). */
  readonly firstGlobal: number;
  /** Output index of the symbol given at each input position. */
  readonly outputIndex: readonly number[];
}

/**
 * Encodes `symbols`; `sectionIndex` turns a symbol's `section` into an index.
 * @throws ElfError `invalid_input` for unknown type/bind/visibility names or bad numbers.
 */
export function encodeSymbols(
  symbols: readonly WriteSymbol[],
  sectionIndex: (ref: string | number, what: string) => number,
  fail: Fail,
): EncodedSymbols {
  const isLocal = (s: WriteSymbol) => s.bind === "LOCAL";
  const order = [...symbols.keys()].sort((a, b) =>
    Number(isLocal(symbols[b]!)) - Number(isLocal(symbols[a]!)) || a - b
  );
  const outputIndex: number[] = [];
  order.forEach((inputIndex, i) => outputIndex[inputIndex] = i + 1);
  const strings = new StringTableBuilder();
  const symtab = new Uint8Array((symbols.length + 1) * SYM_SIZE);
  const view = new DataView(symtab.buffer);
  order.forEach((inputIndex, i) => {
    const s = symbols[inputIndex]!;
    const what = `symbol '${s.name}'`;
    const at = (i + 1) * SYM_SIZE;
    const type = SYMBOL_TYPE_CODES[s.type ?? "NOTYPE"];
    const bind = SYMBOL_BIND_CODES[s.bind ?? "GLOBAL"];
    const visibility = SYMBOL_VISIBILITY_CODES[s.visibility ?? "DEFAULT"];
    if (type === undefined || bind === undefined || visibility === undefined) {
      throw fail(
        `${what} has an unknown type, bind or visibility`,
        "use the names of SymbolType, SymbolBind and SymbolVisibility",
      );
    }
    view.setUint32(at, strings.add(checkedName(s.name, what, fail)), true);
    symtab[at + 4] = (bind << 4) | type;
    symtab[at + 5] = visibility;
    view.setUint16(at + 6, s.section === undefined ? 0 : sectionIndex(s.section, what), true);
    view.setBigUint64(at + 8, BigInt(unsigned(s.value ?? 0, `the value of ${what}`, fail)), true);
    view.setBigUint64(at + 16, BigInt(unsigned(s.size ?? 0, `the size of ${what}`, fail)), true);
  });
  return {
    symtab,
    strtab: strings.bytes(),
    firstGlobal: 1 + symbols.filter(isLocal).length,
    outputIndex,
  };
}
