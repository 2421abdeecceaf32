/**
 * What the compiler may ask of the kernel's own types: the byte offset of a member of a kernel
 * struct, for `kernelOffset("task_struct", "files")`. Answered from the running kernel's BTF
 * (/sys/kernel/btf/vmlinux) or a pinned copy, as tracepoint formats are from tracefs or a pinned
 * copy: the compiler itself reads no files, so a build stays reproducible given the same inputs.
 * bpftrace resolves `curtask->files` the same way, at compile time, for the kernel it runs on.
 * The artifact lists every offset used, so a runtime can check them against the kernel it
 * loads on.
 */
import type { ArtifactKernelOffset } from "@ts-bpf/loader";

export interface KernelTypes {
  /**
   * The byte offset of `member` (a dotted path, looking inside anonymous structs and unions as
   * C does) from the start of `struct <struct>`.
   * @throws {Error} whose message says what is missing (no such struct, no such member, a
   * bitfield, no BTF at all).
   */
  memberOffset(struct: string, member: string): number;
}

/** `types`, remembering each offset it gives; `used()` lists them sorted (deterministic output). */
export function recordingKernelTypes(types: KernelTypes | undefined):
  { types: KernelTypes; used(): ArtifactKernelOffset[] } | undefined {
  if (!types) return undefined;
  const used = new Map<string, ArtifactKernelOffset>();
  return {
    types: {
      memberOffset(struct: string, member: string): number {
        const offset = types.memberOffset(struct, member);
        used.set(`${struct}\0${member}`, { struct, member, offset });
        return offset;
      },
    },
    used: () => [...used.keys()].sort().map((key) => used.get(key)!),
  };
}
