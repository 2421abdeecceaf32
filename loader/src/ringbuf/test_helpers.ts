/**
 * Helpers shared by this folder's tests: bounded waits, a getppid() burst, pinning the calling
 * thread to one CPU (so per-CPU perf buffers see one CPU's records), and the exit check run in a
 * child process of the same runtime. Not for production code and not exported by `mod.ts`.
 */
import { spawnSync } from "node:child_process";
import process from "node:process";
import { SYS } from "../sys/numbers.ts";
import { SyscallError } from "../sys/errors.ts";
import { getppid } from "../sys/os.ts";
import { backend } from "../sys/select_backend.ts";

declare const Bun: unknown;


/** `promise`, or a rejection naming `what` after `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Resolves once `condition()` holds (checked every millisecond); rejects after `ms`. */
export function until(condition: () => boolean, ms: number, what: string): Promise<void> {
  return within((async () => {
    while (!condition()) await new Promise((r) => setTimeout(r, 1));
  })(), ms, what);
}

/** Calls getppid() `count` times: one probe hit each. */
export function burst(count: number): void {
  for (let i = 0; i < count; i++) getppid();
}

/**
 * Runs `body` with the calling thread pinned to `cpu`, then restores its affinity.
 * @throws SyscallError when the affinity cannot be read or set.
 */
export async function onCpu<T>(cpu: number, body: () => Promise<T> | T): Promise<T> {
  const sys = backend();
  const saved = sys.alloc(128);
  const mask = sys.alloc(128);
  try {
    const size = sys.syscall(SYS.sched_getaffinity, 0, 128, saved.address);
    if (size < 0) throw new SyscallError("sched_getaffinity", -size);
    mask.bytes[cpu >> 3] = 1 << (cpu & 7);
    const set = sys.syscall(SYS.sched_setaffinity, 0, 128, mask.address);
    if (set < 0) throw new SyscallError(`sched_setaffinity to CPU ${cpu}`, -set);
    try {
      return await body();
    } finally {
      sys.syscall(SYS.sched_setaffinity, 0, size, saved.address);
    }
  } finally {
    sys.free(saved);
    sys.free(mask);
  }
}

/** Runs `testdata/close_then_exit.ts` in this runtime; returns its exit status and output. */
export function runExitCheck(kind: "ringbuf" | "perf") {
  const script = new URL("./testdata/close_then_exit.ts", import.meta.url).pathname;
  const args = typeof Bun !== "undefined"
    ? [script, kind]
    : ["run", "--allow-all", "--no-check", script, kind];
  const result = spawnSync(process.execPath, args, { timeout: 20_000, encoding: "utf8" });
  const { status, signal, stdout, stderr } = result;
  return { status, signal, stdout, stderr };
}
