/**
 * Test helpers for the compiler: compile a probe from a string with tracepoint formats read
 * from this machine's tracefs, load its object into the kernel, and run test() probes through
 * BPF_PROG_TEST_RUN.
 */
import { compile, type CompileResult } from "@ts-bpf/compiler";
import { type Collection, kernelStructOffsets, loadCollection, readBpfObject, tracepointFormat } from "@ts-bpf/loader";

/** The format of a tracepoint from tracefs, or undefined when it does not exist. */
export function tracefsFormat(name: string): string | undefined {
  try {
    return tracepointFormat(name);
  } catch {
    return undefined;
  }
}

/** This machine's kernel struct offsets (vmlinux BTF), for kernelOffset(); parsed once. */
export const vmlinuxOffsets = kernelStructOffsets();

export function compileProbe(source: string, file = "probe.ts"): CompileResult {
  return compile({ file, source, tracepointFormat: tracefsFormat, kernelTypes: vmlinuxOffsets });
}

/** Compiles and fails with the rendered diagnostics when there are any. */
export function compileOk(source: string, file = "probe.ts"): NonNullable<CompileResult["artifact"]> {
  const result = compileProbe(source, file);
  if (!result.artifact) throw new Error(`expected the probe to compile:\n${result.rendered()}`);
  return result.artifact;
}

/** Loads a compiled probe's object (maps and programs) into the kernel. */
export function loadProbe(artifact: NonNullable<CompileResult["artifact"]>): Collection {
  return loadCollection(readBpfObject(artifact.object, artifact.source.file));
}

/** Runs test probe `name` with raw-tracepoint arguments; returns its return value. */
export function runTest(collection: Collection, name: string, args: bigint[] = []): bigint {
  const ctx = new Uint8Array(Math.max(args.length, 1) * 8);
  const view = new DataView(ctx.buffer);
  args.forEach((a, i) => view.setBigUint64(i * 8, BigInt.asUintN(64, a), true));
  return BigInt(collection.program(name).testRun({ ctx }).retval >>> 0);
}
