/**
 * compile(): probe source → diagnostics and an artifact. Parse (oxc), read the module's top
 * level, lay out maps, lower each handler to IR, run the passes, generate eBPF, and write the
 * ELF object with BTF. Deterministic: the same source and options give byte-identical output.
 * Diagnostics are returned, never thrown; an exception means a compiler bug.
 */
import { ARTIFACT_VERSION, type Artifact, type ArtifactMap, type ArtifactProgram, disassemble,
  ProgType } from "@ts-bpf/loader";
import { parseSync } from "oxc-parser";
import { type Diagnostic, DiagnosticError, error, type Span } from "./diagnostics/diagnostic.ts";
import { SourceText } from "./diagnostics/source_text.ts";
import { renderDiagnostics } from "./diagnostics/render.ts";
import { generateCode, type MachineFunction } from "./backend/codegen.ts";
import { writeObject } from "./artifact/elf_object.ts";
import type { Node } from "./frontend/ast.ts";
import { MapLayouts } from "./frontend/map_layouts.ts";
import { type Attachment, scanModule } from "./frontend/probe_module.ts";
import { parseTracepointFormat, type TracepointFormat } from "./frontend/tracepoint_format.ts";
import { type KernelTypes, recordingKernelTypes } from "./frontend/kernel_types.ts";
import { TypeResolver } from "./frontend/type_resolver.ts";
import { lowerHandler } from "./frontend/lower/handler.ts";
import { printFunction } from "./ir/print_ir.ts";
import { runPasses } from "./passes/pipeline.ts";

export type DumpStage = "ast" | "ir" | "bpf" | "artifact";

export interface CompileOptions {
  /** The probe's file name, used in diagnostics and line info. */
  file: string;
  /** Its source text. */
  source: string;
  /** The format text of tracepoint "group:name" (from tracefs, or a pinned copy). */
  tracepointFormat?: (name: string) => string | undefined;
  /** The kernel's types (its BTF, or a pinned copy), for kernelOffset(). */
  kernelTypes?: KernelTypes;
  /** Stages to return as text in `dumps`. */
  dump?: DumpStage[];
}

export interface CompileResult {
  diagnostics: Diagnostic[];
  /** Present when there are no errors. */
  artifact?: Artifact;
  dumps: Partial<Record<DumpStage, string>>;
  /** The diagnostics rendered with source lines and carets. */
  rendered(): string;
}

const SECTION_PREFIX: Record<Attachment["kind"], string> = {
  tracepoint: "tracepoint", rawTracepoint: "raw_tp", uprobe: "uprobe", uretprobe: "uretprobe",
  profile: "perf_event", test: "raw_tp",
};
const PROG_TYPE: Record<Attachment["kind"], number> = {
  tracepoint: ProgType.TRACEPOINT, rawTracepoint: ProgType.RAW_TRACEPOINT, uprobe: ProgType.KPROBE,
  uretprobe: ProgType.KPROBE, profile: ProgType.PERF_EVENT, test: ProgType.RAW_TRACEPOINT,
};

export function compile(options: CompileOptions): CompileResult {
  const diagnostics: Diagnostic[] = [];
  const dumps: CompileResult["dumps"] = {};
  const source = new SourceText(options.file, options.source);
  const result = (artifact?: Artifact): CompileResult => ({
    diagnostics, artifact, dumps,
    rendered: () => renderDiagnostics(diagnostics, options.source),
  });
  const span = (n: { start: number; end: number }): Span => ({ file: options.file, start: n.start, end: n.end });

  const parsed = parseSync(options.file, options.source, { sourceType: "module", lang: "ts" });
  for (const e of parsed.errors) {
    const label = e.labels?.[0];
    diagnostics.push(error("TSB1001", { file: options.file, start: label?.start ?? 0,
      end: label?.end ?? 0 }, e.message, e.helpMessage ?? undefined));
  }
  if (diagnostics.length) return result();
  const program = parsed.program as unknown as Node;
  if (options.dump?.includes("ast")) dumps.ast = JSON.stringify(program, null, 1);

  const module = scanModule(options.file, options.source, program, diagnostics);
  if (module.attachments.length === 0 && diagnostics.length === 0) {
    diagnostics.push(error("TSB1006", { file: options.file, start: 0, end: 0 },
      "the probe attaches nothing", "call tracepoint(), uprobe(), … from @ts-bpf/probes at the top level"));
  }
  const types = new TypeResolver(module);
  let maps: MapLayouts;
  try {
    maps = new MapLayouts(module, types);
  } catch (e) {
    if (e instanceof DiagnosticError) diagnostics.push(e.diagnostic);
    else throw e;
    return result();
  }

  const kernel = recordingKernelTypes(options.kernelTypes);
  const names = new Set<string>();
  const compiled: { attachment: Attachment; name: string; code: MachineFunction }[] = [];
  for (const attachment of module.attachments) {
    const name = uniqueName(programName(attachment), names);
    try {
      let format: TracepointFormat | undefined;
      if (attachment.kind === "tracepoint") format = readFormat(attachment, options);
      const fn = lowerHandler(module, types, maps, attachment, format, name, kernel?.types);
      runPasses(fn);
      if (options.dump?.includes("ir")) dumps.ir = `${dumps.ir ?? ""}${printFunction(fn)}\n`;
      compiled.push({ attachment, name, code: generateCode(fn, attachment.span) });
    } catch (e) {
      if (e instanceof DiagnosticError) diagnostics.push(e.diagnostic);
      else throw e;
    }
  }
  if (diagnostics.length) return result();

  const programs = compiled.map((c) => ({
    name: c.name,
    // A BTF-typed tracepoint is libbpf's tp_btf/<name> (prog type TRACING; the loader finds
    // its attach_btf_id in the kernel's BTF).
    section: `${c.attachment.btf ? "tp_btf" : SECTION_PREFIX[c.attachment.kind]}/${sectionTarget(c.attachment, c.name)}`,
    instructions: c.code.instructions,
    spans: c.code.spans,
  }));
  const { object, lines } = writeObject(programs, maps.all, source);
  const artifactPrograms: ArtifactProgram[] = compiled.map((c, i) => ({
    name: c.name, section: programs[i]!.section,
    progType: c.attachment.btf ? ProgType.TRACING : PROG_TYPE[c.attachment.kind],
    attach: { kind: c.attachment.kind, target: c.attachment.target, binary: c.attachment.binary,
      symbol: c.attachment.symbol, pid: c.attachment.pid, hz: c.attachment.hz,
      ...(c.attachment.btf ? { btf: true } : {}) },
    lines: lines.get(c.name) ?? [],
  }));
  const artifactMaps: ArtifactMap[] = maps.all.map((m) => ({
    name: m.name, variable: m.declaration.variable, kind: m.declaration.kind, mapType: m.mapType,
    maxEntries: m.maxEntries, key: m.key, value: m.value, record: m.record, userKey: m.userKey,
    options: m.declaration.options, dropsMap: m.dropsMap, hidden: m.hidden,
  }));
  if (options.dump?.includes("bpf")) {
    dumps.bpf = compiled.map((c) => `${c.name}:\n${annotatedDisassembly(c.code, source)}`).join("\n\n");
  }
  const kernelOffsets = kernel?.used() ?? [];
  const artifact: Artifact = {
    version: ARTIFACT_VERSION, source: { file: options.file, text: options.source }, object,
    programs: artifactPrograms, maps: artifactMaps, hasUserspaceCode: module.hasUserspaceCode,
    ...(kernelOffsets.length ? { kernelOffsets } : {}),
  };
  if (options.dump?.includes("artifact")) {
    dumps.artifact = JSON.stringify({ ...artifact, object: `<${object.length} bytes>`,
      source: { file: options.file } }, null, 2);
  }
  void span;
  return result(artifact);
}

/** Disassembly with the source line above the first instruction of each line. */
export function annotatedDisassembly(code: MachineFunction, source: SourceText): string {
  const out: string[] = [];
  let last = -1;
  let slot = 0;
  code.instructions.forEach((insn, i) => {
    const span = code.spans[i];
    if (span) {
      const { line } = source.position(span.start);
      if (line !== last) {
        out.push(`; ${source.line(line).trim()}  [${source.file}:${line}]`);
        last = line;
      }
    }
    out.push(`${String(slot).padStart(4)}: ${disassemble(insn)}`);
    slot += insn.imm64 !== undefined ? 2 : 1;
  });
  return out.join("\n");
}

function readFormat(attachment: Attachment, options: CompileOptions): TracepointFormat {
  const text = options.tracepointFormat?.(attachment.target);
  if (text === undefined) {
    throw new DiagnosticError(error("TSB1007", attachment.targetSpan ?? attachment.span,
      `the format of tracepoint '${attachment.target}' is not available`,
      "check the name with 'tsbpf list tracepoints', and that tracefs is mounted " +
      "('tsbpf doctor'); or pass a pinned format file"));
  }
  return parseTracepointFormat(text);
}

function programName(a: Attachment): string {
  const handler = a.handler;
  const named = handler.type === "Identifier" ? handler.name as string
    : handler.id?.name as string | undefined;
  if (named) return named;
  const base = a.kind === "uprobe" || a.kind === "uretprobe" ? `${a.kind}_${a.symbol}`
    : a.kind === "profile" ? `profile_${a.hz}hz` : a.target.split(":").pop()!;
  return base.replace(/[^A-Za-z0-9_]/g, "_");
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) candidate = `${name}_${i}`;
  taken.add(candidate);
  return candidate;
}

function sectionTarget(a: Attachment, program: string): string {
  switch (a.kind) {
    case "tracepoint": return a.target.replace(":", "/");
    case "uprobe": case "uretprobe": return `${a.binary}:${a.symbol}`;
    case "profile": return `${a.hz}hz`;
    // The (unique) program name: test names that differ only in punctuation ("a / b", "a % b")
    // would otherwise share a section, and the ELF writer needs one section per program.
    case "test": return `test_${program}`;
    default: return a.target;
  }
}
