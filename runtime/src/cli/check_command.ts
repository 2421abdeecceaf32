/**
 * `tsbpf check <probe.ts>`: compile and report diagnostics (no privileges needed); as root, also
 * load every program into the verifier and unload it, naming the TypeScript line of a rejection.
 */
import { compile } from "@ts-bpf/compiler";
import { loadCollection, readBpfObject, readFileText, tracepointFormat } from "@ts-bpf/loader";
import { ProbeError } from "../probe_error.ts";
import type { ParsedArgs } from "./args.ts";

export function checkCommand(args: ParsedArgs, out: (line: string) => void): number {
  const path = args.positional[0];
  if (!path) throw new ProbeError("usage", "tsbpf check needs a probe: tsbpf check probe.ts");
  const result = compile({ file: path, source: readFileText(path), tracepointFormat: (name) => {
    try {
      return tracepointFormat(name);
    } catch {
      return undefined;
    }
  } });
  if (!result.artifact) throw new ProbeError("compile", result.rendered(), result.diagnostics.length);
  const programs = result.artifact.programs.length;
  if (process.getuid?.() !== 0) {
    out(`${path}: compiles (${programs} programs); run as root to check them against the verifier`);
    return 0;
  }
  loadCollection(readBpfObject(result.artifact.object, path)).close();
  out(`${path}: compiles, and the verifier accepts all ${programs} programs`);
  return 0;
}
