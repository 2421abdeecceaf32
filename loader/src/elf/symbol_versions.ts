/**
 * GNU symbol versioning, read only as far as uprobe errors need: for an imported dynamic symbol,
 * which version (`GLIBC_2.2.5`) and which needed library (`libc.so.6`) it is bound to, from
 * `.gnu.version` and `.gnu.version_r`. Version definitions (`.gnu.version_d`) are not read.
 */
import type { ElfFile } from "./elf_file.ts";
import { SHT_GNU_VERNEED, SHT_GNU_VERSYM } from "./elf_constants.ts";
import { type ElfSymbol, symbolTable } from "./symbols.ts";

/** A version required from a needed library. */
export interface NeededVersion {
  /** Version name, e.g. `GLIBC_2.34`. */
  readonly version: string;
  /** The library the version is required from (its DT_NEEDED name), e.g. `libc.so.6`. */
  readonly file: string;
}

const VERSYM_HIDDEN = 0x8000;

/**
 * The versions this file requires from its libraries, keyed by version index (the value stored
 * in `.gnu.version` for symbols bound to it). Empty when the file has no `.gnu.version_r`.
 * @throws ElfError when the section is malformed.
 */
export function neededVersions(elf: ElfFile): Map<number, NeededVersion> {
  const result = new Map<number, NeededVersion>();
  const section = elf.sections.find((s) => s.type === SHT_GNU_VERNEED);
  if (!section) return result;
  const strings = elf.sectionAt(section.link, `'${section.name}'`);
  const strEnd = strings.offset + strings.size;
  const r = elf.reader;
  const end = section.offset + section.size;
  let at = section.offset;
  // Each walk is bounded by the section size, so a corrupt `next` cannot loop forever.
  for (let n = 0; n < section.size / 16 && at + 16 <= end; n++) {
    const what = `a version-needed entry of '${section.name}'`;
    const count = r.u16(at + 2, what);
    const file = r.cString(
      strings.offset + r.u32(at + 4, what),
      strEnd,
      `the file name of ${what}`,
    );
    let aux = at + r.u32(at + 8, what);
    for (let i = 0; i < count && aux + 16 <= end; i++) {
      const auxWhat = `a version-needed auxiliary entry of '${section.name}'`;
      const index = r.u16(aux + 6, auxWhat);
      const version = r.cString(
        strings.offset + r.u32(aux + 8, auxWhat),
        strEnd,
        `the name of ${auxWhat}`,
      );
      result.set(index, { version, file });
      const next = r.u32(aux + 12, auxWhat);
      if (next === 0) break;
      aux += next;
    }
    const next = r.u32(at + 12, what);
    if (next === 0) break;
    at += next;
  }
  return result;
}

/**
 * The needed version an imported symbol is bound to, or `undefined` when unversioned or not
 * imported. Accepts a `.dynsym` symbol, or a `.symtab` symbol (matched to the undefined `.dynsym`
 * symbol of the same name).
 *
 * @example
 * importedVersion(elf, printfSymbol) // { version: "GLIBC_2.2.5", file: "libc.so.6" }
 */
export function importedVersion(elf: ElfFile, symbol: ElfSymbol): NeededVersion | undefined {
  const dynamic = symbol.table === "dynsym"
    ? symbol
    : symbolTable(elf, "dynsym").find((s) =>
      s.name === baseName(symbol.name) && s.sectionIndex === 0
    );
  if (!dynamic) return undefined;
  const versym = elf.sections.find((s) => s.type === SHT_GNU_VERSYM);
  if (!versym || (dynamic.index + 1) * 2 > versym.size) return undefined;
  const index = elf.reader.u16(versym.offset + dynamic.index * 2, `'${versym.name}'`) &
    ~VERSYM_HIDDEN;
  return neededVersions(elf).get(index);
}

/** `puts@GLIBC_2.2.5` → `puts` (linkers write such names into `.symtab`). */
function baseName(name: string): string {
  const at = name.indexOf("@");
  return at > 0 ? name.slice(0, at) : name;
}
