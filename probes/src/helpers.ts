/**
 * Helpers a kernel handler calls: time, the current task, memory reads, debug output and
 * stacks. Each compiles to a BPF helper call; called from userspace code they throw.
 */
import type { i32, str, u32, u64 } from "./integers.ts";
import { kernelOnly } from "./binding.ts";
import type { StackTraceMap } from "./maps.ts";

/** An address in the traced process (user) or in the kernel, as read from a context field. */
export type Ptr = u64;

/** Monotonic time in ns since boot, without suspend (bpf_ktime_get_ns). */
export function ktimeNs(): u64 { return kernelOnly("ktimeNs"); }
/** Time in ns since boot, including suspend (bpf_ktime_get_boot_ns). */
export function bootNs(): u64 { return kernelOnly("bootNs"); }
/** International atomic time in ns (bpf_ktime_get_tai_ns, 6.1+). */
export function taiNs(): u64 { return kernelOnly("taiNs"); }
/** Process id (the thread group id). */
export function pid(): u32 { return kernelOnly("pid"); }
/** Thread id. */
export function tid(): u32 { return kernelOnly("tid"); }
/** User id. */
export function uid(): u32 { return kernelOnly("uid"); }
/** Group id. */
export function gid(): u32 { return kernelOnly("gid"); }
/** The task's command name (bpf_get_current_comm). */
export function comm(): str<16> { return kernelOnly("comm"); }
/** The current cgroup v2 id. */
export function cgroupId(): u64 { return kernelOnly("cgroupId"); }
/** The CPU the handler runs on. */
export function cpu(): u32 { return kernelOnly("cpu"); }
/** A pseudo-random u32 (bpf_get_prandom_u32). */
export function random(): u32 { return kernelOnly("random"); }
/**
 * The cookie given when the program was attached (bpf_get_attach_cookie, 5.15+), 0 when none:
 * lets one program attached to many functions tell them apart.
 */
export function cookie(): u64 { return kernelOnly("cookie"); }

/**
 * The address of the current task's `struct task_struct` (bpf_get_current_task), to read through
 * with `readKernel<T>(currentTask() + kernelOffset("task_struct", "member"))`.
 */
export function currentTask(): u64 { return kernelOnly("currentTask"); }
/**
 * The byte offset of `member` (a dotted path; anonymous structs and unions are looked into) in
 * the kernel's `struct <struct>`, a constant the compiler reads from the kernel's BTF (or the
 * copy passed with --btf). Both arguments must be string literals.
 */
export function kernelOffset(_struct: string, _member: string): u64 { return kernelOnly("kernelOffset"); }

/** Reads a NUL-terminated string of at most `N - 1` bytes from user memory. */
export function readUserStr<N extends number>(_address: Ptr, _size: N): str<N> {
  return kernelOnly("readUserStr");
}
/** Reads a NUL-terminated string of at most `N - 1` bytes from kernel memory. */
export function readKernelStr<N extends number>(_address: Ptr, _size: N): str<N> {
  return kernelOnly("readKernelStr");
}
/**
 * Reads a value of the declared type from user memory: an integer, a struct or a fixed array,
 * in one copy (all zero if the read faults).
 */
export function readUser<T>(_address: Ptr): T {
  return kernelOnly("readUser");
}
/**
 * Reads a value of the declared type from kernel memory: an integer, a struct or a fixed array,
 * in one copy (all zero if the read faults).
 */
export function readKernel<T>(_address: Ptr): T {
  return kernelOnly("readKernel");
}

/** Debug output to the kernel's trace pipe (bpf_trace_printk); up to 3 integer arguments. */
export function printk(_format: string, ..._args: (number | bigint)[]): void {
  kernelOnly("printk");
}

/** The kernel stack's id in `stacks` (bpf_get_stackid), or a negative errno. */
export function kstack(_stacks: StackTraceMap): i32 { return kernelOnly("kstack"); }
/** The user stack's id in `stacks`, or a negative errno. */
export function ustack(_stacks: StackTraceMap): i32 { return kernelOnly("ustack"); }
