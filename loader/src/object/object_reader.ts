/**
 * Reads a BPF ELF object in the libbpf convention (what `clang -O2 -g -target bpf -c` makes):
 * programs from executable sections named by kind (`SEC("tracepoint/…")`), maps from `.maps`
 * (BTF-defined) or the legacy `maps` section, global data (.rodata, .data, .bss) as array maps,
 * bpf-to-bpf calls into `.text`, and func/line info from .BTF.ext. Nothing touches the kernel:
 * the result is a `BpfObjectSpec` for `loadCollection`.
 */
import { parseBtf } from "../btf/btf_parser.ts";
import { decodeBtfExt, type BtfFuncInfo, type BtfLineInfo } from "../btf/btf_ext.ts";
import { decodeMapDefinitions } from "../btf/map_def.ts";
import { progLoadFuncInfo, progLoadLineInfo } from "../btf/prog_load_info.ts";
import type { Btf } from "../btf/btf.ts";
import { MapType } from "../asm/mod.ts";
import { parseElf, type ElfFile } from "../elf/elf_file.ts";
import { EM_BPF, ET_REL, SHF_EXECINSTR, SHT_NOBITS } from "../elf/elf_constants.ts";
import type { ElfSection } from "../elf/sections.ts";
import { symbolTable, type ElfSymbol } from "../elf/symbols.ts";
import { relocationsBySection } from "../elf/relocations.ts";
import { ObjectError } from "./object_error.ts";
import { concatBytes } from "../util/bytes.ts";
import type { BpfObjectSpec, ObjectMap, ObjectProgram } from "./object_spec.ts";
import { prepareObjectBtf, type PreparedBtf } from "./object_btf.ts";
import { sectionKind } from "./section_kinds.ts";
import { linkSubprograms } from "./subprograms.ts";
import type { SourceLocation } from "../programs/program_spec.ts";
import { DATA_SECTION, relocate } from "./object_relocations.ts";


/** Reads `bytes` (the object file's contents); `name` is used in messages. */
export function readBpfObject(bytes: Uint8Array, name: string): BpfObjectSpec {
  let elf: ElfFile;
  try {
    elf = parseElf(bytes, name);
  } catch (error) {
    throw new ObjectError(name, (error as Error).message,
      "pass an object built with 'clang -O2 -g -target bpf -c prog.bpf.c'");
  }
  if (elf.header.machine !== EM_BPF || elf.header.type !== ET_REL) {
    throw new ObjectError(name, "it is not a BPF relocatable object (machine " +
      `${elf.header.machine}, type ${elf.header.type})`,
      "compile with 'clang -target bpf -c'; executables and shared libraries cannot be loaded");
  }
  const warnings: string[] = [];
  const symbols = symbolTable(elf, "symtab");
  const btf = readBtf(elf, name, warnings);
  const prepared = btf ? prepareObjectBtf(btf, elf, symbols) : undefined;
  const maps = [...readMaps(elf, name, btf, symbols), ...readGlobalData(elf)];
  const ext = btf ? readExt(elf, btf, warnings) : undefined;
  const programs = readPrograms(elf, name, symbols, maps, ext, prepared, btf);
  const license = readLicense(elf);
  return { name, license, maps, programs, btf: prepared?.raw, warnings };
}

function readBtf(elf: ElfFile, name: string, warnings: string[]): Btf | undefined {
  const section = elf.section(".BTF");
  if (!section) {
    warnings.push("no .BTF section: maps keep no types and programs no source lines " +
      "(compile with -g)");
    return undefined;
  }
  try {
    return parseBtf(elf.bytes.subarray(section.offset, section.offset + section.size));
  } catch (error) {
    throw new ObjectError(name, `its .BTF section is malformed: ${(error as Error).message}`);
  }
}

function readExt(elf: ElfFile, btf: Btf, warnings: string[]) {
  const section = elf.section(".BTF.ext");
  if (!section) return undefined;
  try {
    return decodeBtfExt(elf.bytes.subarray(section.offset, section.offset + section.size),
      btf.strings);
  } catch (error) {
    warnings.push(`.BTF.ext ignored: ${(error as Error).message}`);
    return undefined;
  }
}

function readLicense(elf: ElfFile): string {
  const section = elf.section("license");
  if (!section) return "GPL";
  const data = elf.bytes.subarray(section.offset, section.offset + section.size);
  const nul = data.indexOf(0);
  return new TextDecoder().decode(data.subarray(0, nul < 0 ? data.length : nul));
}

function readMaps(elf: ElfFile, name: string, btf: Btf | undefined,
  symbols: readonly ElfSymbol[]): ObjectMap[] {
  const maps: ObjectMap[] = [];
  if (elf.section(".maps")) {
    if (!btf) throw new ObjectError(name, "it has a .maps section but no .BTF to describe it",
      "compile with -g");
    for (const def of decodeMapDefinitions(btf)) {
      maps.push({
        spec: { name: def.name, type: def.type, keySize: def.keySize, valueSize: def.valueSize,
          maxEntries: def.maxEntries, flags: def.flags },
        btfKeyTypeId: def.keyTypeId,
        btfValueTypeId: def.valueTypeId,
      });
    }
  }
  const legacy = elf.section("maps");
  if (legacy) {
    const view = new DataView(elf.bytes.buffer, elf.bytes.byteOffset + legacy.offset, legacy.size);
    for (const symbol of symbols.filter((s) => s.sectionIndex === legacy.index && s.name)) {
      const at = symbol.value;
      maps.push({ spec: { name: symbol.name, type: view.getUint32(at, true),
        keySize: view.getUint32(at + 4, true), valueSize: view.getUint32(at + 8, true),
        maxEntries: view.getUint32(at + 12, true), flags: view.getUint32(at + 16, true) } });
    }
  }
  return maps;
}

/** .rodata/.data/.bss become one-entry array maps named after the section. */
function readGlobalData(elf: ElfFile): ObjectMap[] {
  return elf.sections.filter((s) => DATA_SECTION.test(s.name) && s.size > 0).map((s) => ({
    spec: { name: s.name, type: MapType.ARRAY, keySize: 4, valueSize: s.size, maxEntries: 1 },
    initialValue: s.type === SHT_NOBITS ? undefined
      : elf.bytes.slice(s.offset, s.offset + s.size),
    freeze: s.name.startsWith(".rodata"),
  }));
}

type Ext = ReturnType<typeof decodeBtfExt>;

function readPrograms(elf: ElfFile, name: string, symbols: readonly ElfSymbol[],
  maps: readonly ObjectMap[], ext: Ext | undefined, btf: PreparedBtf | undefined,
  original: Btf | undefined): ObjectProgram[] {
  const relocations = relocationsBySection(elf);
  const text = elf.section(".text");
  const programs: ObjectProgram[] = [];
  for (const section of elf.sections) {
    if ((section.flags & SHF_EXECINSTR) === 0 || section.size === 0 || section.name === ".text") {
      continue;
    }
    const kind = sectionKind(section.name);
    if (!kind) {
      throw new ObjectError(name, `section '${section.name}' does not name a program kind this ` +
        "loader knows", "use tracepoint/, raw_tp/, tp_btf/, uprobe/, uretprobe/, perf_event, " +
        "xdp, tc, tcx/, socket or syscall");
    }
    const functions = symbols.filter((s) => s.sectionIndex === section.index &&
      s.type === "FUNC" && s.bind !== "LOCAL");
    for (const fn of functions) {
      const start = fn.value;
      const end = fn.size ? fn.value + fn.size : section.size;
      const code = elf.bytes.slice(section.offset + start, section.offset + end);
      const { mapReferences, calls } = relocate(elf, name, section,
        relocations.get(section.index)?.relocations ?? [], start, end, code, maps);
      const linked = linkSubprograms(code, calls, text, elf, name, maps,
        relocations.get(text?.index ?? -1)?.relocations ?? []);
      const program: ObjectProgram = {
        spec: {
          name: fn.name, type: kind.progType, instructions: linked.code,
          expectedAttachType: kind.expectedAttachType, flags: kind.flags,
          mapReferences: [...mapReferences, ...linked.mapReferences], section: section.name,
        },
        kind,
      };
      if (ext && btf && original) {
        attachExtInfo(program, ext, btf, original.strings, section, start, end, linked.textBase);
      }
      programs.push(program);
    }
  }
  return programs;
}

function attachExtInfo(program: ObjectProgram, ext: Ext, btf: PreparedBtf,
  strings: { get(offset: number): string }, section: ElfSection, start: number, end: number,
  textBase: number | undefined): void {
  const pick = <T>(list: { section: string; records: T[] }[], name: string) =>
    list.find((s) => s.section === name)?.records ?? [];
  const remapLines = (records: BtfLineInfo[]) => records.map((r) => ({
    ...r, fileNameOff: btf.remapString(r.fileNameOff), lineOff: btf.remapString(r.lineOff),
  }));
  const own = { startByte: start, endByte: end, insnShift: 0 };
  const func: Uint8Array[] = [progLoadFuncInfo(pick<BtfFuncInfo>(ext.funcInfo, section.name), own)];
  const line: Uint8Array[] = [progLoadLineInfo(remapLines(pick(ext.lineInfo, section.name)), own)];
  if (textBase !== undefined) {
    const text = { insnShift: textBase };
    func.push(progLoadFuncInfo(pick<BtfFuncInfo>(ext.funcInfo, ".text"), text));
    line.push(progLoadLineInfo(remapLines(pick(ext.lineInfo, ".text")), text));
  }
  program.funcInfo = concatBytes(func);
  program.lineInfo = concatBytes(line);
  program.spec.sourceOf = sourceMap(ext, strings, section.name, start, end, textBase);
}

/**
 * Instruction index → source location, from the object's own line info, so a verifier
 * rejection names the source line (TypeScript for tsbpf objects, C for clang's) first.
 */
function sourceMap(ext: Ext, strings: { get(offset: number): string }, section: string,
  start: number, end: number, textBase: number | undefined): (insn: number) => SourceLocation | undefined {
  const records: { insn: number; location: SourceLocation }[] = [];
  const add = (name: string, from: number, to: number, shift: number) => {
    for (const r of ext.lineInfo.find((s) => s.section === name)?.records ?? []) {
      if (r.insnOff < from || r.insnOff >= to || r.line === 0) continue;
      records.push({ insn: (r.insnOff - from) / 8 + shift, location: {
        file: strings.get(r.fileNameOff), line: r.line, column: r.column, text: strings.get(r.lineOff),
      } });
    }
  };
  add(section, start, end, 0);
  if (textBase !== undefined) add(".text", 0, Infinity, textBase);
  records.sort((a, b) => a.insn - b.insn);
  return (insn) => {
    let found: SourceLocation | undefined;
    for (const r of records) {
      if (r.insn > insn) break;
      found = r.location;
    }
    return found;
  };
}
