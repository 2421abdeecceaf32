/**
 * `tsbpf build <probe.ts> -o <file>`: compile, bundle the userspace part with esbuild, and
 * write one CBOR artifact that `tsbpf run` starts without the compiler. With `--emit-elf <file>`
 * (bpftrace's flag), write only the BPF ELF object, for bpftool or a libbpf loader.
 */
// The pure-JS encoder: the package root also loads a native extension, ~15 ms at startup.
import { encode as encodeCbor } from "cbor-x/encode";
import { writeFileSync } from "node:fs";
import { compile } from "@ts-bpf/compiler";
import { kernelStructOffsets, readFileText } from "@ts-bpf/loader";
import { ProbeError } from "../probe_error.ts";
import { formatResolver } from "../tracepoint_formats.ts";
import { flagString, type ParsedArgs } from "./args.ts";

export async function buildCommand(args: ParsedArgs, err: (line: string) => void): Promise<number> {
  const path = args.positional[0];
  const elf = flagString(args, "emit-elf");
  const output = flagString(args, "o") ?? flagString(args, "output") ?? path?.replace(/\.m?ts$/, ".tsbpf");
  if (!path || !output) throw new ProbeError("usage", "tsbpf build needs a probe: tsbpf build probe.ts -o probe.tsbpf");
  const started = performance.now();
  const result = compile({ file: path, source: readFileText(path), tracepointFormat: formatResolver(flagString(args, "tracepoint-formats")),
    kernelTypes: kernelStructOffsets(flagString(args, "btf")) });
  if (!result.artifact) throw new ProbeError("compile", result.rendered(), result.diagnostics.length);
  if (elf !== undefined) {
    writeFileSync(elf, result.artifact.object);
    err(`wrote ${elf} (${result.artifact.object.length} bytes, ${result.artifact.programs.length} programs) in ` +
      `${(performance.now() - started).toFixed(1)} ms`);
    return 0;
  }
  if (result.artifact.hasUserspaceCode !== false) {
    // esbuild loads only for a probe that has userspace code.
    result.artifact.userspace = await (await import("../userspace_bundle.ts")).bundleUserspace(path);
  }
  const bytes = encodeCbor(result.artifact);
  writeFileSync(output, bytes);
  err(`built ${output} (${bytes.length} bytes, ${result.artifact.programs.length} programs) in ` +
    `${(performance.now() - started).toFixed(1)} ms`);
  return 0;
}
