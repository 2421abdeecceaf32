/**
 * `tsbpf check <probe.ts>`: TypeScript's own type errors (what an editor shows), then the
 * compiler's diagnostics (no privileges needed); as root, also load every program into the
 * verifier and unload it, naming the TypeScript line of a rejection. `--dump=ir,bpf,…` prints
 * the compiler's stages (ast, ir, bpf, artifact, wat).
 */
import { compile, compileWasm, type DumpStage } from "@ts-bpf/compiler";
import { kernelStructOffsets, loadCollection, readBpfObject, readFileText } from "@ts-bpf/loader";
import { ProbeError } from "../probe_error.ts";
import { formatResolver } from "../tracepoint_formats.ts";
import { flagString, type ParsedArgs } from "./args.ts";
import { typeErrors } from "./typecheck.ts";

const STAGES = ["ast", "ir", "bpf", "artifact", "wat"] as const;

export async function checkCommand(args: ParsedArgs, out: (line: string) => void): Promise<number> {
  const path = args.positional[0];
  if (!path) throw new ProbeError("usage", "tsbpf check needs a probe: tsbpf check probe.ts");
  const dump = parseDump(flagString(args, "dump"));
  const types = await typeErrors(path);
  if (types.count) {
    throw new ProbeError("compile", types.text.trimEnd(), types.count);
  }
  const options = { file: path, source: readFileText(path),
    tracepointFormat: formatResolver(flagString(args, "tracepoint-formats")),
    kernelTypes: kernelStructOffsets(flagString(args, "btf")), dump };
  const result = dump.includes("wat") ? await compileWasm(options) : compile({ ...options,
    dump: dump.filter((d): d is DumpStage => d !== "wat") });
  for (const stage of dump) {
    const text = (result.dumps as Record<string, string | undefined>)[stage];
    if (text) out(`--- ${stage} ---\n${text}`);
  }
  if (!result.artifact) throw new ProbeError("compile", result.rendered(), result.diagnostics.length);
  const programs = result.artifact.programs.length;
  if (process.getuid?.() !== 0) {
    out(`${path}: compiles (${programs} programs); run as root to check them against the verifier`);
    return 0;
  }
  loadCollection(readBpfObject(result.artifact.object, path)).close();
  out(`${path}: type-checks, compiles, and the verifier accepts all ${programs} programs`);
  return 0;
}

function parseDump(value: string | undefined): (typeof STAGES[number])[] {
  if (!value) return [];
  const stages = value.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = stages.filter((s) => !(STAGES as readonly string[]).includes(s));
  if (unknown.length) {
    throw new ProbeError("usage", `--dump takes ${STAGES.join(", ")}; not ${unknown.join(", ")}`);
  }
  return stages as (typeof STAGES[number])[];
}
