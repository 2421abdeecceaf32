/**
 * Context types of tracepoints, by "group:name", for editors. The compiler does not use these:
 * it reads the tracepoint's format from tracefs (or a pinned copy) when it compiles.
 */
import type { i32, i64, u64 } from "./integers.ts";
import type { Ptr } from "./helpers.ts";

/** Fields every tracepoint context starts with. */
export interface CommonFields {
  common_type: number;
  common_flags: number;
  common_preempt_count: number;
  common_pid: i32;
}

/** Known tracepoints' contexts. Names not listed get `GenericContext`. */
export interface Tracepoints {
  "syscalls:sys_enter_openat": CommonFields & {
    __syscall_nr: i32; dfd: i64; filename: Ptr; flags: i64; mode: u64;
  };
  "syscalls:sys_exit_openat": CommonFields & { __syscall_nr: i32; ret: i64 };
  "syscalls:sys_enter_getppid": CommonFields & { __syscall_nr: i32 };
  "syscalls:sys_enter_read": CommonFields & {
    __syscall_nr: i32; fd: u64; buf: Ptr; count: u64;
  };
  "syscalls:sys_exit_read": CommonFields & { __syscall_nr: i32; ret: i64 };
  "sched:sched_process_exec": CommonFields & { pid: i32; old_pid: i32 };
  "sched:sched_switch": CommonFields & {
    prev_pid: i32; prev_prio: i32; prev_state: i64; next_pid: i32; next_prio: i32;
  };
  "sched:sched_wakeup": CommonFields & { pid: i32; prio: i32; target_cpu: i32 };
}

/** Any tracepoint's context: fields by name, integers or pointers. */
export type GenericContext = CommonFields & Record<string, number | bigint>;

/** The context type of tracepoint `N`. */
export type TracepointContext<N extends string> = N extends keyof Tracepoints ? Tracepoints[N]
  : GenericContext;

