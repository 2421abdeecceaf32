/**
 * An artifact's kernel struct offsets (compiled in by kernelOffset()) checked against the
 * running kernel's BTF before anything is loaded: an artifact built for another kernel would
 * otherwise read the wrong fields of the kernel's structs without a word.
 */
import { type Artifact, kernelStructOffsets, type KernelStructOffsets } from "@ts-bpf/loader";
import { ProbeError } from "./probe_error.ts";

export function checkKernelOffsets(artifact: Artifact, kernel: KernelStructOffsets = kernelStructOffsets()): void {
  const wrong: string[] = [];
  for (const { struct, member, offset } of artifact.kernelOffsets ?? []) {
    let here: number;
    try {
      here = kernel.memberOffset(struct, member);
    } catch (e) {
      wrong.push(`${struct}.${member}: ${(e as Error).message}`);
      continue;
    }
    if (here !== offset) wrong.push(`${struct}.${member} is at ${here} in this kernel, at ${offset} in the artifact`);
  }
  if (wrong.length === 0) return;
  throw new ProbeError("load", `${artifact.source.file} was compiled for another kernel's structs:\n` +
    wrong.map((w) => `  ${w}\n`).join("") +
    "Rebuild it on this machine (tsbpf build), or build it elsewhere with --btf and a copy of this " +
    "kernel's /sys/kernel/btf/vmlinux.");
}
