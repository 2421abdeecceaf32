/**
 * Attach declarations. The handler passed to each (and every function it calls) is kernel
 * code, compiled to eBPF; the rest of the module is userspace code. In userspace these calls
 * only register the declaration: the runtime attaches what the compiler found.
 */
import type { u64 } from "./integers.ts";
import type { TracepointContext } from "./tracepoints.ts";
import { probesState } from "./shared_state.ts";

/** Registers of the probed function: arguments and return value, as integers. */
export interface ProbeContext {
  /** Argument `n` (0-based, up to 5) of the probed function. */
  arg(n: 0 | 1 | 2 | 3 | 4 | 5): u64;
  /** The return value (uretprobe only). */
  ret(): u64;
}

/** Raw tracepoint arguments (`args[n]`). */
export interface RawTracepointContext {
  arg(n: number): u64;
}

export interface UprobeOptions {
  /** Only this process (default: every process running the binary). */
  pid?: number;
}

// Shared by every copy of this package in the process (see shared_state.ts).
const { declarations, timers } = probesState();

/** Runs `handler` on every hit of tracepoint "group:name"; `ctx` fields come from its format. */
export function tracepoint<N extends string>(name: N,
  _handler: (ctx: TracepointContext<N>) => void): void {
  declarations.push({ kind: "tracepoint", target: name });
}

/**
 * Runs `handler` on every hit of raw tracepoint `name` ("sys_enter", "sched_switch").
 * `{ btf: true }` attaches it as a BTF-typed tracepoint (tp_btf, 5.5+): the kernel then knows
 * the arguments' types, and `readKernel<T>(ctx.arg(n) + offset)` through a pointer argument
 * compiles to direct loads instead of a helper call (a NULL pointer reads as zeros).
 */
export function rawTracepoint(name: string, _handler: (ctx: RawTracepointContext) => void,
  _options?: { btf?: boolean }): void {
  declarations.push({ kind: "raw_tracepoint", target: name });
}

/** Runs `handler` when `symbol` in `binary` is entered. */
export function uprobe(binary: string, symbol: string, _handler: (ctx: ProbeContext) => void,
  _options?: UprobeOptions): void {
  declarations.push({ kind: "uprobe", target: `${binary}:${symbol}` });
}

/** Runs `handler` when `symbol` in `binary` returns. */
export function uretprobe(binary: string, symbol: string, _handler: (ctx: ProbeContext) => void,
  _options?: UprobeOptions): void {
  declarations.push({ kind: "uretprobe", target: `${binary}:${symbol}` });
}

/** Samples every CPU `hz` times a second (perf_event CPU clock). */
export function profile(options: { hz: number }, _handler: (ctx: ProbeContext) => void): void {
  declarations.push({ kind: "perf_event", target: `${options.hz}hz` });
}

/** A probe run on demand through BPF_PROG_TEST_RUN (unit tests of kernel logic). */
export function test(name: string, _handler: (ctx: RawTracepointContext) => u64 | number): void {
  declarations.push({ kind: "test", target: name });
}

/** Userspace: runs `callback` every `ms` milliseconds while the probe runs. */
export function interval(options: { ms: number }, callback: () => void): void {
  timers.push({ ms: options.ms, callback });
}

/** For the runtime: what the module declared, and its timers; `reset` starts a new module. */
export function declared(reset = false): { attach: typeof declarations; timers: typeof timers } {
  const out = { attach: [...declarations], timers: [...timers] };
  if (reset) {
    declarations.length = 0;
    timers.length = 0;
  }
  return out;
}
