/**
 * Context types of tracepoints, by "group:name", for editors. The compiler does not use these:
 * it reads the tracepoint's format from tracefs (or a pinned copy) when it compiles, and types
 * each field from it — integers by size and signedness (a syscall tracepoint's arguments are
 * all 8 bytes, unsigned unless the format says otherwise), `char[N]` as `str<N>`, other arrays
 * as `Arr<T, N>`, pointers as `Ptr` (u64), and `__data_loc char[]` as a string copied out of the
 * record (`str<256>`, or the size of the field it is stored into).
 *
 * Tracepoints not listed here get `GenericContext`, whose fields are untyped for the editor and
 * checked by the compiler against the format.
 */
import type { Arr, bool, i32, i64, str, u16, u32, u64, u8 } from "./integers.ts";
import type { Ptr } from "./helpers.ts";

/** Fields every tracepoint context starts with. */
export interface CommonFields {
  common_type: u16;
  common_flags: u8;
  common_preempt_count: u8;
  common_pid: i32;
}

/** Fields of every `syscalls:sys_exit_*` tracepoint. */
export interface SyscallExit extends CommonFields {
  __syscall_nr: i32;
  /** The return value: a result, or -errno. */
  ret: i64;
}

/** Fields of `block:block_rq_issue`, `block_rq_insert`, `block_io_start`, `block_io_done`. */
export interface BlockRequest extends CommonFields {
  dev: u32;
  sector: u64;
  nr_sector: u32;
  bytes: u32;
  ioprio: u16;
  rwbs: str<10>;
  comm: str<16>;
  cmd: str<256>;
}

/** Fields of `sched:sched_wakeup` and `sched:sched_wakeup_new`. */
export interface SchedWakeup extends CommonFields {
  comm: str<16>;
  pid: i32;
  prio: i32;
  target_cpu: i32;
}

/** Known tracepoints' contexts. Names not listed get `GenericContext`. */
export interface Tracepoints {
  "raw_syscalls:sys_enter": CommonFields & { id: i64; args: Arr<u64, 6> };
  "raw_syscalls:sys_exit": CommonFields & { id: i64; ret: i64 };
  "syscalls:sys_enter_openat": CommonFields & {
    __syscall_nr: i32; dfd: u64; filename: Ptr; flags: u64; mode: u64;
  };
  "syscalls:sys_exit_openat": SyscallExit;
  "syscalls:sys_enter_execve": CommonFields & {
    __syscall_nr: i32; filename: Ptr; argv: Ptr; envp: Ptr;
  };
  "syscalls:sys_exit_execve": SyscallExit;
  "syscalls:sys_enter_getppid": CommonFields & { __syscall_nr: i32 };
  "syscalls:sys_exit_getppid": SyscallExit;
  "syscalls:sys_enter_kill": CommonFields & { __syscall_nr: i32; pid: u64; sig: u64 };
  "syscalls:sys_exit_kill": SyscallExit;
  "syscalls:sys_enter_read": CommonFields & { __syscall_nr: i32; fd: u64; buf: Ptr; count: u64 };
  "syscalls:sys_exit_read": SyscallExit;
  "syscalls:sys_enter_write": CommonFields & { __syscall_nr: i32; fd: u64; buf: Ptr; count: u64 };
  "syscalls:sys_exit_write": SyscallExit;
  "sched:sched_process_exec": CommonFields & { filename: str<256>; pid: i32; old_pid: i32 };
  "sched:sched_process_exit": CommonFields & { comm: str<16>; pid: i32; prio: i32; group_dead: bool };
  "sched:sched_process_fork": CommonFields & {
    parent_comm: str<256>; parent_pid: i32; child_comm: str<256>; child_pid: i32;
  };
  "sched:sched_switch": CommonFields & {
    prev_comm: str<16>; prev_pid: i32; prev_prio: i32; prev_state: i64;
    next_comm: str<16>; next_pid: i32; next_prio: i32;
  };
  "sched:sched_wakeup": SchedWakeup;
  "sched:sched_wakeup_new": SchedWakeup;
  "block:block_rq_issue": BlockRequest;
  "block:block_rq_insert": BlockRequest;
  "block:block_io_start": BlockRequest;
  "block:block_io_done": BlockRequest;
  "block:block_rq_complete": CommonFields & {
    dev: u32; sector: u64; nr_sector: u32; error: i32; ioprio: u16; rwbs: str<10>; cmd: str<256>;
  };
  "sock:inet_sock_set_state": CommonFields & {
    skaddr: Ptr; oldstate: i32; newstate: i32; sport: u16; dport: u16; family: u16;
    protocol: u16; saddr: Arr<u8, 4>; daddr: Arr<u8, 4>; saddr_v6: Arr<u8, 16>;
    daddr_v6: Arr<u8, 16>;
  };
  "signal:signal_generate": CommonFields & {
    sig: i32; errno: i32; code: i32; comm: str<16>; pid: i32; group: i32; result: i32;
  };
}

/**
 * Any tracepoint's context: fields by name. Untyped for the editor (the compiler types each
 * field from the tracepoint's format and reports a field that does not exist).
 */
// deno-lint-ignore no-explicit-any
export type GenericContext = CommonFields & { readonly [field: string]: any };

/** The context type of tracepoint `N`. */
export type TracepointContext<N extends string> = N extends keyof Tracepoints ? Tracepoints[N]
  : GenericContext;
