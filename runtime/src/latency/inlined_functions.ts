/**
 * Functions inlined at every call site, found in DWARF (our own reader, dwarf_reader.ts): they
 * have no symbol and no address of their own, so a pattern naming them matches nothing and a
 * uprobe cannot count them. `tsbpf latency` reports them by name with the functions they were
 * inlined into (which can be probed), rather than a silent "0 calls". A function is reported
 * when DWARF has inlined copies of it (DW_TAG_inlined_subroutine) and no out-of-line copy.
 */
import type { ElfFile } from "@ts-bpf/loader";
import type { CodeModule } from "./function_catalog.ts";
import { demangle, withoutParameters } from "./demangle.ts";
import { type Die, DW_TAG, hasDwarf, readDies } from "./dwarf_reader.ts";

export interface InlinedFunction {
  /** Its name (demangled when DWARF gives a linkage name, else qualified by its scopes). */
  readonly name: string;
  /** The functions it was inlined into, by name, sorted. */
  readonly callers: string[];
}

interface Entry extends InlinedFunction {
  readonly shortName: string;
  readonly linkageName?: string;
}

const cache = new WeakMap<ElfFile, Entry[]>();

const TAGS = new Set<number>([DW_TAG.subprogram, DW_TAG.inlined_subroutine, DW_TAG.namespace,
  DW_TAG.class_type, DW_TAG.structure_type, DW_TAG.union_type]);
const SCOPES = new Set<number>([DW_TAG.namespace, DW_TAG.class_type, DW_TAG.structure_type, DW_TAG.union_type]);

/** Functions of `module` matching `re` that exist only inlined (none without DWARF). */
export function findInlined(module: CodeModule, re: RegExp): InlinedFunction[] {
  const elf = module.executable?.elf;
  if (!elf || !hasDwarf(elf)) return [];
  let entries = cache.get(elf);
  if (!entries) cache.set(elf, entries = inlinedOnly(readDies(elf, TAGS)));
  return entries.filter((e) => re.test(e.name) || re.test(e.shortName) || (e.linkageName !== undefined && re.test(e.linkageName)))
    .map(({ name, callers }) => ({ name, callers }));
}

/** Every function with inlined copies and no out-of-line one, with its callers. */
export function inlinedOnly(dies: ReadonlyMap<number, Die>): Entry[] {
  const root = (die: Die): Die => {
    let d = die;
    for (let i = 0; i < 8 && d.origin !== undefined; i++) d = dies.get(d.origin) ?? d;
    return d;
  };
  const outOfLine = new Set<number>();
  const callers = new Map<number, Set<string>>();
  for (const die of dies.values()) {
    if (die.tag === DW_TAG.subprogram && die.hasCode) outOfLine.add(root(die).offset);
    if (die.tag !== DW_TAG.inlined_subroutine || die.origin === undefined) continue;
    const abstract = root(die);
    let up = die.parent;
    while (up && up.tag !== DW_TAG.subprogram) up = up.parent;
    const set = callers.get(abstract.offset) ?? new Set<string>();
    if (up) set.add(nameOf(dies, up));
    callers.set(abstract.offset, set);
  }
  // One entry per name: every compile unit has its own abstract copy of an inline function.
  const byName = new Map<string, Entry>();
  for (const [offset, set] of callers) {
    if (outOfLine.has(offset)) continue;
    const die = dies.get(offset);
    if (!die) continue;
    const name = nameOf(dies, die);
    const entry = byName.get(name) ??
      { name, shortName: withoutParameters(name), linkageName: linkageOf(dies, die), callers: [] };
    for (const caller of set) if (!entry.callers.includes(caller)) entry.callers.push(caller);
    byName.set(name, entry);
  }
  for (const entry of byName.values()) entry.callers.sort();
  return [...byName.values()];
}

function linkageOf(dies: ReadonlyMap<number, Die>, die: Die): string | undefined {
  let d: Die | undefined = die;
  for (let i = 0; i < 8 && d; i++) {
    if (d.linkageName) return d.linkageName;
    const next: number | undefined = d.specification ?? d.origin;
    d = next === undefined ? undefined : dies.get(next);
  }
  return undefined;
}

/** A function's name: its demangled linkage name, else its name qualified by its scopes. */
function nameOf(dies: ReadonlyMap<number, Die>, die: Die): string {
  const linkage = linkageOf(dies, die);
  if (linkage) return demangle(linkage);
  let d: Die | undefined = die;
  for (let i = 0; i < 8 && d; i++) {
    if (d.name) return qualified(d);
    const next: number | undefined = d.specification ?? d.origin;
    d = next === undefined ? undefined : dies.get(next);
  }
  return `(unnamed at .debug_info+0x${die.offset.toString(16)})`;
}

function qualified(die: Die): string {
  const parts = [die.name!];
  for (let p = die.parent; p; p = p.parent) {
    if (!SCOPES.has(p.tag)) continue;
    parts.unshift(p.name ?? (p.tag === DW_TAG.namespace ? "(anonymous namespace)" : "(anonymous)"));
  }
  return parts.join("::");
}
