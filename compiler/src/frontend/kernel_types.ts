/**
 * What the compiler may ask of the kernel's own types: the byte offset of a member of a kernel
 * struct, for `kernelOffset("task_struct", "files")`. Answered from the running kernel's BTF
 * (/sys/kernel/btf/vmlinux) or a pinned copy, as tracepoint formats are from tracefs or a pinned
 * copy: the compiler itself reads no files, so a build stays reproducible given the same inputs.
 * bpftrace resolves `curtask->files` the same way, at compile time, for the kernel it runs on.
 */
export interface KernelTypes {
  /**
   * The byte offset of `member` (a dotted path, looking inside anonymous structs and unions as
   * C does) from the start of `struct <struct>`.
   * @throws {Error} whose message says what is missing (no such struct, no such member, a
   * bitfield, no BTF at all).
   */
  memberOffset(struct: string, member: string): number;
}
