/**
 * Writes the compiled probe as a BPF ELF object in the libbpf convention: one section per
 * program, `.maps` described in BTF, global data (drop counters) in `.data.*` sections, map
 * references as R_BPF_64_64 relocations (against the map's symbol, or the data's symbol for an
 * address in it), a `license` section, and `.BTF.ext` func and line info pointing at the
 * TypeScript source — so the loader, `bpftool prog load` and libbpf all accept it, and
 * `bpftool prog dump xlated` shows source.
 */
import {
  addMapDefinitions, addProgramFunc, BtfBuilder, concatBytes, R_BPF_64_64, SHF_ALLOC,
  SHF_EXECINSTR, SHF_WRITE, SHT_PROGBITS, type BtfLineInfo, encode, encodeBtfExt,
  type Instruction, type MapDefinitionSpec, MapType, slotIndices, writeElf,
} from "@ts-bpf/loader";
import { SourceText } from "../diagnostics/source_text.ts";
import type { Span } from "../diagnostics/diagnostic.ts";
import type { KernelMap } from "../frontend/map_layouts.ts";
import { sizeOf } from "../frontend/dsl_types.ts";
import { btfTypeOf } from "./btf_types.ts";


export interface ObjectProgram {
  name: string;
  section: string;
  instructions: Instruction[];
  spans: (Span | undefined)[];
}

export interface LineRecord {
  insn: number;
  line: number;
  column: number;
}

export function writeObject(programs: ObjectProgram[], maps: KernelMap[], source: SourceText,
  license = "GPL"): { object: Uint8Array; lines: Map<string, LineRecord[]> } {
  const btf = new BtfBuilder();
  const data = maps.filter((m) => m.globalData);
  const defined = maps.filter((m) => !m.globalData);
  const defs: MapDefinitionSpec[] = defined.map((m) => mapDefinition(btf, m));
  const added = defs.length ? addMapDefinitions(btf, defs) : undefined;
  const datasec = added ? btf.typeById(added.datasecId) as { vars: { offset: number; size: number }[] }
    : undefined;

  // Several programs may share a section (two handlers on one tracepoint): they are laid out
  // one after another, each a FUNC symbol at its offset, as clang does.
  const sections = new Map<string, { programs: ObjectProgram[]; slots: number }>();
  const offsetOf = new Map<ObjectProgram, number>();
  const bytesOf = new Map(programs.map((p) => [p, encode(p.instructions)]));
  for (const p of programs) {
    const group = sections.get(p.section) ?? { programs: [], slots: 0 };
    sections.set(p.section, group);
    offsetOf.set(p, group.slots);
    group.programs.push(p);
    group.slots += bytesOf.get(p)!.length / 8;
  }
  const funcInfo = [...sections].map(([section, group]) => ({ section, records: group.programs.map(
    (p) => ({ insnOff: offsetOf.get(p)! * 8, typeId: addProgramFunc(btf, p.name) })) }));
  const lines = new Map<string, LineRecord[]>();
  const lineInfo = [...sections].map(([section, group]) => {
    const records: BtfLineInfo[] = [];
    for (const p of group.programs) {
      const base = offsetOf.get(p)!;
      const kept: LineRecord[] = [];
      const slots = slotIndices(p.instructions);
      let last = -1;
      p.spans.forEach((span, i) => {
        if (!span) return;
        const { line, column } = source.position(span.start);
        if (line === last) return;
        last = line;
        kept.push({ insn: slots[i]!, line, column });
        records.push({ insnOff: (base + slots[i]!) * 8, fileNameOff: btf.addString(source.file),
          lineOff: btf.addString(source.line(line).trim()), line, column: Math.min(column, 1023) });
      });
      lines.set(p.name, kept);
    }
    return { section, records };
  });
  for (const section of sections.keys()) btf.addString(section);
  const btfBytes = btf.encode();
  const ext = encodeBtfExt({ funcInfo, lineInfo }, btf);

  const mapsSize = added?.size ?? 0;
  const elfSections = [
    ...[...sections].map(([name, group]) => ({ name, type: SHT_PROGBITS,
      flags: SHF_ALLOC | SHF_EXECINSTR, align: 8,
      data: concatBytes(group.programs.map((p) => bytesOf.get(p)!)) })),
    { name: "license", type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_WRITE,
      data: new TextEncoder().encode(`${license}\0`), align: 1 },
    ...(mapsSize ? [{ name: ".maps", type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_WRITE,
      data: new Uint8Array(mapsSize), align: 8 }] : []),
    // Zero-initialised data, as PROGBITS: libbpf takes any `.data.*` section as global data.
    ...data.map((m) => ({ name: m.name, type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_WRITE,
      data: new Uint8Array(sizeOf(m.value)), align: 8 })),
    { name: ".BTF", type: SHT_PROGBITS, data: btfBytes, align: 4 },
    { name: ".BTF.ext", type: SHT_PROGBITS, data: ext, align: 4 },
  ];
  const symbols = [
    ...programs.map((p) => ({ name: p.name, section: p.section, value: offsetOf.get(p)! * 8,
      size: bytesOf.get(p)!.length, type: "FUNC" as const, bind: "GLOBAL" as const })),
    ...defined.map((m, i) => ({ name: m.name, section: ".maps", value: datasec!.vars[i]!.offset,
      size: datasec!.vars[i]!.size, type: "OBJECT" as const, bind: "GLOBAL" as const })),
    ...data.map((m) => ({ name: m.name, section: m.name, value: 0, size: sizeOf(m.value),
      type: "OBJECT" as const, bind: "GLOBAL" as const })),
    { name: "LICENSE", section: "license", value: 0, size: license.length + 1, type: "OBJECT" as const,
      bind: "GLOBAL" as const },
  ];
  const relocations: Record<string, { offset: number; type: number; symbol: string }[]> = {};
  for (const p of programs) {
    const slots = slotIndices(p.instructions);
    const base = offsetOf.get(p)!;
    const refs = p.instructions.flatMap((insn, i) => insn.mapRef === undefined ? []
      : [{ offset: (base + slots[i]!) * 8, type: R_BPF_64_64, symbol: insn.mapRef }]);
    if (refs.length) (relocations[p.section] ??= []).push(...refs);
  }
  const object = writeElf({ sections: elfSections, symbols, relocations, machine: 247, name: source.file });
  return { object, lines };
}

function mapDefinition(btf: BtfBuilder, m: KernelMap): MapDefinitionSpec {
  const spec: MapDefinitionSpec = { name: m.name, type: m.mapType, maxEntries: m.maxEntries,
    ...(m.flags ? { flags: m.flags } : {}) };
  if (m.mapType === MapType.RINGBUF) return spec;
  // These map types refuse BTF key/value types (the kernel answers ENOTSUPP): sizes only.
  if (m.mapType === MapType.STACK_TRACE || m.mapType === MapType.PERF_EVENT_ARRAY) {
    return { ...spec, keySize: sizeOf(m.key), valueSize: sizeOf(m.value) };
  }
  return { ...spec, keyTypeId: btfTypeOf(btf, m.key), valueTypeId: btfTypeOf(btf, m.value) };
}
