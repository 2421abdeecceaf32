/**
 * compileWasm(): the compiler's second backend. Compiles the probe as compile() does (same
 * diagnostics, same artifact, so maps and records decode the same way), then lowers each
 * handler's IR — after the same pass pipeline — to one WebAssembly module for the simulator
 * (@ts-bpf/runtime `simulate()`) and the differential tests. It is the only module that loads
 * binaryen, and it does so lazily: compile() and `tsbpf run` never pay for it.
 *
 * The module exports `memory` (the simulator's whole address space: frames, context, map
 * values, user memory), `__grow(pages)` and one function per program, `(ctx, frame) → i64`.
 * Its imports are the helpers, `bpf.<name>(r1, r2, r3, r4, r5) → r0`, and
 * `bpf.map_value_address(handle, offset)` for addresses in global data. A map reference is a
 * small integer handle: 1 + the map's index in `artifact.maps`.
 */
import type { Artifact } from "@ts-bpf/loader";
import { parseSync } from "oxc-parser";
import { compile, type CompileOptions, type CompileResult, type DumpStage } from "../compile.ts";
import { DiagnosticError } from "../diagnostics/diagnostic.ts";
import type { Node } from "../frontend/ast.ts";
import { MapLayouts } from "../frontend/map_layouts.ts";
import { scanModule } from "../frontend/probe_module.ts";
import { parseTracepointFormat, type TracepointFormat } from "../frontend/tracepoint_format.ts";
import { TypeResolver } from "../frontend/type_resolver.ts";
import { lowerHandler } from "../frontend/lower/handler.ts";
import { runPasses } from "../passes/pipeline.ts";
import { HELPER_NAMES, lowerFunction, MEMORY } from "./lower_function.ts";

export interface CompileWasmOptions extends Omit<CompileOptions, "dump"> {
  /** Stages to return as text; "wat" is the WebAssembly module's text. */
  dump?: (DumpStage | "wat")[];
  /**
   * Address the memory with 64-bit indices (memory64). Default: when this JavaScript engine
   * runs memory64 (Deno, Node 24+; Bun only with BUN_JSC_useWasmMemory64=1). Otherwise
   * pointers stay 64-bit values and are wrapped to 32 bits at each access.
   */
  memory64?: boolean;
  /** Run binaryen's optimizer (default true). */
  optimize?: boolean;
}

/** A program of the WebAssembly build: its export and what the simulator needs to call it. */
export interface WasmProgram {
  /** The program's name (as in `artifact.programs`) and its export. */
  name: string;
  kind: Artifact["programs"][number]["attach"]["kind"];
  /** The attach target ("group:name" for tracepoints, the test name for test()). */
  target: string;
  /** Bytes of stack the program's frame needs. */
  frameSize: number;
  /** For tracepoints: the format the compiler laid the context out by. */
  tracepoint?: TracepointFormat;
}

export interface WasmBuild {
  wasm: Uint8Array;
  memory64: boolean;
  programs: WasmProgram[];
}

export interface CompileWasmResult extends Omit<CompileResult, "dumps"> {
  dumps: Partial<Record<DumpStage | "wat", string>>;
  /** Present when there are no errors. */
  wasm?: WasmBuild;
}

/** The memory's size at start, in 64 KiB pages; the simulator grows it through `__grow`. */
const INITIAL_PAGES = 32;
const MAX_PAGES = 65536;

let binaryenPromise: Promise<typeof import("binaryen").default> | undefined;
const loadBinaryen = () => binaryenPromise ??= import("binaryen").then((b) => b.default);

/** Whether this engine validates a module with a 64-bit memory. */
export function engineHasMemory64(): boolean {
  // (module (memory i64 1)): the memory section with limits flag 0x04.
  const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 5, 3, 1, 4, 1]);
  try {
    return WebAssembly.validate(bytes);
  } catch {
    return false;
  }
}

/**
 * Compiles a probe to eBPF (the artifact) and to WebAssembly. Diagnostics are returned, never
 * thrown; an exception means a compiler bug (including a module binaryen finds invalid).
 */
export async function compileWasm(options: CompileWasmOptions): Promise<CompileWasmResult> {
  const dump = options.dump?.filter((d): d is DumpStage => d !== "wat");
  const base = compile({ ...options, dump });
  const result: CompileWasmResult = { ...base, dumps: { ...base.dumps } };
  if (!base.artifact) return result;
  const artifact = base.artifact;

  const binaryen = await loadBinaryen();
  const memory64 = options.memory64 ?? engineHasMemory64();
  const parsed = parseSync(options.file, options.source, { sourceType: "module", lang: "ts" });
  const scanned = scanModule(options.file, options.source, parsed.program as unknown as Node, []);
  const types = new TypeResolver(scanned);
  const maps = new MapLayouts(scanned, types);

  const module = new binaryen.Module();
  try {
    module.setFeatures(binaryen.Features.MVP | binaryen.Features.SignExt | binaryen.Features.BulkMemory |
      binaryen.Features.MutableGlobals | (memory64 ? binaryen.Features.Memory64 : 0));
    module.setMemory(INITIAL_PAGES, MAX_PAGES, "memory", [], false, memory64, MEMORY);
    const imported = new Set<string>();
    const five = binaryen.createType([binaryen.i64, binaryen.i64, binaryen.i64, binaryen.i64, binaryen.i64]);
    const importNamed = (name: string) => {
      if (!imported.has(name)) {
        module.addFunctionImport(name, "bpf", name, five, binaryen.i64);
        imported.add(name);
      }
      return name;
    };
    const context = {
      binaryen, module, memory64, importNamed,
      mapHandle: (name: string) => BigInt(artifact.maps.findIndex((m) => m.name === name) + 1),
      helperImport: (id: number) => importNamed(HELPER_NAMES.get(id) ?? `helper_${id}`),
    };
    const programs: WasmProgram[] = [];
    scanned.attachments.forEach((attachment, i) => {
      const program = artifact.programs[i]!;
      const text = attachment.kind === "tracepoint" ? options.tracepointFormat?.(attachment.target) : undefined;
      const format = text === undefined ? undefined : parseTracepointFormat(text);
      const fn = lowerHandler(scanned, types, maps, attachment, format, program.name, options.kernelTypes);
      runPasses(fn);
      const frame = lowerFunction(context, fn, program.name);
      programs.push({ name: program.name, kind: attachment.kind, target: attachment.target,
        frameSize: frame.size, tracepoint: format });
    });
    addGrow(binaryen, module, memory64);
    if (!module.validate()) throw new Error("compileWasm: binaryen rejected the module (a compiler bug)");
    if (options.optimize ?? true) {
      binaryen.setOptimizeLevel(2);
      binaryen.setShrinkLevel(0);
      module.optimize();
    }
    if (options.dump?.includes("wat")) result.dumps.wat = module.emitText();
    result.wasm = { wasm: module.emitBinary(), memory64, programs };
  } catch (e) {
    // The eBPF build already lowered the same IR, so a diagnostic here would be a bug too.
    if (e instanceof DiagnosticError) throw new Error(`compileWasm: ${e.diagnostic.message}`);
    throw e;
  } finally {
    module.dispose();
  }
  return result;
}

/** `__grow(pages: i32) → i32`: memory.grow, the previous size in pages or -1. */
function addGrow(binaryen: typeof import("binaryen").default,
  module: InstanceType<typeof import("binaryen").default.Module>, memory64: boolean): void {
  const pages = module.local.get(0, binaryen.i32);
  const grown = memory64
    ? module.i32.wrap(module.memory.grow(module.i64.extend_u(pages), MEMORY, true))
    : module.memory.grow(pages, MEMORY, false);
  module.addFunction("__grow", binaryen.createType([binaryen.i32]), binaryen.i32, [], grown);
  module.addFunctionExport("__grow", "__grow");
}
