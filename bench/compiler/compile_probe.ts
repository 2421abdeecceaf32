/**
 * Compiles one tsbpf probe and writes its ELF object: what the benchmark times in a fresh
 * process. `bun compile_probe.ts probe.ts out.o [compiler-dir]`; with a compiler directory
 * (another checkout's `compiler/`), that compiler is used instead, for before/after figures.
 * Tracepoint formats come from this machine's tracefs. Exits 1 with the diagnostics on error.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { tracepointFormat } from "@ts-bpf/loader";

const [file, out, compilerDir] = process.argv.slice(2);
if (!file || !out) {
  console.error("usage: compile_probe.ts probe.ts out.o [compiler-dir]");
  process.exit(2);
}
const { compile } = compilerDir ? await import(`${compilerDir}/mod.ts`) as typeof import("@ts-bpf/compiler")
  : await import("@ts-bpf/compiler");
const format = (name: string) => {
  try {
    return tracepointFormat(name);
  } catch {
    return undefined;
  }
};
const result = compile({ file, source: readFileSync(file, "utf8"), tracepointFormat: format });
if (!result.artifact) {
  console.error(result.rendered());
  process.exit(1);
}
writeFileSync(out, result.artifact.object);
