/**
 * Encodes one `.rel*` (`Elf64_Rel`) or `.rela*` (`Elf64_Rela`) section for `writeElf`, resolving
 * symbol references by name or input position. It does not decide where the section goes.
 */
import { REL_SIZE, RELA_SIZE } from "./elf_constants.ts";
import {
  type Fail,
  limited,
  unsigned,
  type WriteRelocation,
  type WriteSymbol,
} from "./writer_input.ts";

/** Turns a relocation's `symbol` (name, input position or none) into a symbol table index. */
export type SymbolResolver = (ref: string | number | undefined, what: string) => number;

/**
 * The bytes of a relocation section patching `target` (`targetSize` bytes long).
 * @throws ElfError `invalid_input` for an offset past the target, a bad symbol reference, or an
 *   addend in a `.rel` section.
 */
export function encodeRelocations(
  target: string,
  targetSize: number,
  entries: readonly WriteRelocation[],
  rela: boolean,
  resolve: SymbolResolver,
  fail: Fail,
): Uint8Array {
  const size = rela ? RELA_SIZE : REL_SIZE;
  const bytes = new Uint8Array(entries.length * size);
  const view = new DataView(bytes.buffer);
  entries.forEach((e, i) => {
    const what = `relocation ${i} of '${target}'`;
    const offset = unsigned(e.offset, `the offset of ${what}`, fail);
    if (offset >= targetSize) {
      throw fail(
        `${what} is at offset ${offset}, past the section's ${targetSize} bytes`,
        "check the offset",
      );
    }
    const addend = e.addend ?? 0;
    if (!rela && addend !== 0) {
      throw fail(
        `${what} has an addend, but .rel sections cannot hold one`,
        "pass rela: true, or put the addend in the instruction",
      );
    }
    if (!Number.isSafeInteger(addend)) {
      throw fail(`${what} has addend ${addend}`, "use a safe integer");
    }
    view.setBigUint64(i * size, BigInt(offset), true);
    view.setUint32(i * size + 8, limited(e.type, 0xffff_ffff, `the type of ${what}`, fail), true);
    view.setUint32(i * size + 12, resolve(e.symbol, what), true);
    if (rela) view.setBigInt64(i * size + 16, BigInt(addend), true);
  });
  return bytes;
}

/**
 * A resolver over the writer's input symbols. `outputIndex[i]` is the symbol table index of
 * input symbol `i`. Names must be unique to be used; otherwise refer by position.
 */
export function symbolResolver(
  symbols: readonly WriteSymbol[],
  outputIndex: readonly number[],
  fail: Fail,
): SymbolResolver {
  const byName = new Map<string, number | "ambiguous">();
  symbols.forEach((s, i) => byName.set(s.name, byName.has(s.name) ? "ambiguous" : i));
  return (ref, what) => {
    if (ref === undefined) return 0;
    const position = typeof ref === "number" ? ref : byName.get(ref);
    if (position === "ambiguous") {
      throw fail(
        `${what} names '${ref}', which several symbols share`,
        "refer to it by position in `symbols`",
      );
    }
    const index = position !== undefined && Number.isInteger(position)
      ? outputIndex[position]
      : undefined;
    if (index === undefined) {
      throw fail(
        typeof ref === "number"
          ? `${what} names symbol #${ref}, but there are ${symbols.length}`
          : `${what} names symbol '${ref}', which is not among the symbols`,
        typeof ref === "number" ? "use a position in `symbols`" : "add the symbol",
      );
    }
    return index;
  };
}
