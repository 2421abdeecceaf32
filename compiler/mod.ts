/**
 * @ts-bpf/compiler — compiles probes written in TypeScript to eBPF: diagnostics at exact source
 * spans, and an artifact (a BPF ELF object with BTF and line info, plus layouts) that the
 * runtime loads. See docs/language.md for the language.
 */
export { annotatedDisassembly, compile, type CompileOptions, type CompileResult, type DumpStage }
  from "./src/compile.ts";
export type { Diagnostic, Span } from "./src/diagnostics/diagnostic.ts";
export type { KernelTypes } from "./src/frontend/kernel_types.ts";
export { renderDiagnostic, renderDiagnostics } from "./src/diagnostics/render.ts";
export { SourceText } from "./src/diagnostics/source_text.ts";
export { parseTracepointFormat, type TracepointField, type TracepointFormat }
  from "./src/frontend/tracepoint_format.ts";
export { compileWasm, type CompileWasmOptions, type CompileWasmResult, engineHasMemory64,
  type WasmBuild, type WasmProgram } from "./src/wasm/compile_wasm.ts";
