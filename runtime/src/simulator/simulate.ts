/**
 * simulate(): compiles a probe to WebAssembly (compileWasm, which loads binaryen on first use)
 * and returns a Simulator over it. Tracepoint formats come from tracefs when it is readable,
 * else from the formats pinned in pinned_formats.ts, so a probe on the common tracepoints can
 * be unit-tested without root.
 */
import { compileWasm, type CompileWasmResult } from "@ts-bpf/compiler";
import { readFileText, tracepointFormat } from "@ts-bpf/loader";
import { ProbeError } from "../probe_error.ts";
import { PINNED_FORMATS } from "./pinned_formats.ts";
import { Simulator, type SimulatorOptions } from "./simulator.ts";

export interface SimulateOptions extends SimulatorOptions {
  /** The format text of tracepoint "group:name" (default: tracefs, then the pinned formats). */
  tracepointFormat?: (name: string) => string | undefined;
  /** Force 64-bit or 32-bit memory indices (default: what the engine runs). */
  memory64?: boolean;
}

/** A probe source given as text rather than a path. */
export interface ProbeSource {
  file: string;
  source: string;
}

/**
 * Compiles `probe` (a path, or `{ file, source }`) and starts a simulator for it.
 * Throws ProbeError with the rendered diagnostics when it does not compile.
 */
export async function simulate(probe: string | ProbeSource, options: SimulateOptions = {}): Promise<Simulator> {
  const { file, source } = typeof probe === "string" ? { file: probe, source: readFileText(probe) } : probe;
  const result: CompileWasmResult = await compileWasm({ file, source, memory64: options.memory64,
    tracepointFormat: options.tracepointFormat ?? defaultTracepointFormat });
  if (!result.artifact || !result.wasm) {
    throw new ProbeError("compile", result.rendered(), result.diagnostics.length);
  }
  return new Simulator(result.artifact, result.wasm, options);
}

/** tracefs when readable (root), else this project's pinned copy. */
export function defaultTracepointFormat(name: string): string | undefined {
  try {
    return tracepointFormat(name);
  } catch {
    return PINNED_FORMATS[name];
  }
}
