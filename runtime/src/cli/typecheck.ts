/**
 * Full TypeScript type errors for a probe, as an editor shows them: the probe is checked by the
 * TypeScript compiler against @ts-bpf/probes' declarations (strict). The compiler proper does
 * not need this (it has the DSL's own type rules); `tsbpf check` runs both. TypeScript is
 * imported only here, lazily, so `tsbpf run` never pays for it.
 */
import { fileURLToPath } from "node:url";

const PROBES = fileURLToPath(new URL("../../../probes/mod.ts", import.meta.url));
const TYPE_ROOTS = fileURLToPath(new URL("../../../node_modules/@types", import.meta.url));

/** Rendered type errors (empty when the probe type-checks). */
export async function typeErrors(path: string): Promise<{ count: number; text: string }> {
  const ts = (await import("typescript")).default;
  const options = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    lib: ["lib.es2023.d.ts", "lib.esnext.disposable.d.ts", "lib.dom.d.ts"],
    // A probe's userspace part runs in Bun and may import node:fs and the like: Node's
    // declarations, from this installation (a probe's own folder may have none).
    types: ["node"],
    typeRoots: [TYPE_ROOTS],
    paths: { "@ts-bpf/probes": [PROBES] },
  };
  const program = ts.createProgram([path], options);
  const diagnostics = ts.getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || !d.file.fileName.includes("/probes/src/"));
  const host = {
    getCanonicalFileName: (f: string) => f,
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => "\n",
  };
  return { count: diagnostics.length, text: ts.formatDiagnosticsWithColorAndContext(diagnostics, host)
    .replace(/\x1b\[[0-9;]*m/g, "") };
}
