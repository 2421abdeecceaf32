/**
 * What the passes may assume about helper calls. By default a helper call is a barrier: it may
 * read and write any memory it is given a pointer to, and has effects beyond its result. The
 * helpers listed here are known better: some only read the task, the clock or the CPU (a call
 * whose result is unused can go), some give the same result for the whole run of a program
 * (a second call can reuse the first result), and some fill a buffer completely without reading
 * it (so stores to that buffer just before the call are dead).
 */
import { Helper } from "@ts-bpf/loader";

/** Helpers without side effects: removable when their result is unused. */
const PURE: ReadonlySet<number> = new Set([
  Helper.ktime_get_ns, Helper.get_prandom_u32, Helper.get_smp_processor_id,
  Helper.get_current_pid_tgid, Helper.get_current_uid_gid, Helper.get_numa_node_id,
  Helper.get_current_cgroup_id, Helper.jiffies64, Helper.ktime_get_boot_ns,
  Helper.ktime_get_coarse_ns, Helper.ktime_get_tai_ns,
]);

/**
 * Helpers whose result cannot change while one program runs (the current task's ids): the
 * program runs to completion on behalf of one task.
 */
const INVARIANT: ReadonlySet<number> = new Set([
  Helper.get_current_pid_tgid, Helper.get_current_uid_gid, Helper.get_current_cgroup_id,
]);

/**
 * Helpers that write every byte of (argument `ptr`, constant length argument `size`) and read
 * nothing through it. The `_str` readers are not here: they write only up to the string's end.
 */
const FILLS: ReadonlyMap<number, { ptr: number; size: number }> = new Map([
  [Helper.get_current_comm, { ptr: 0, size: 1 }],
  [Helper.probe_read, { ptr: 0, size: 1 }],
  [Helper.probe_read_user, { ptr: 0, size: 1 }],
  [Helper.probe_read_kernel, { ptr: 0, size: 1 }],
]);

export function isPureHelper(helper: number): boolean {
  return PURE.has(helper);
}

export function isInvariantHelper(helper: number): boolean {
  return INVARIANT.has(helper);
}

/** The argument positions of the buffer a helper fills completely, if it is such a helper. */
export function filledBuffer(helper: number): { ptr: number; size: number } | undefined {
  return FILLS.get(helper);
}
