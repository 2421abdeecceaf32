/**
 * Runs the traced workload of the ring-buffer benchmark: `getppid_loop N` pinned to one CPU
 * with taskset, in a child process. `beforeStart` gets the child's pid (so a probe can filter on
 * it) before the loop is told to start. Uses node:child_process, which Bun, Deno and Node share.
 * Not a general process runner.
 */
import { spawn } from "node:child_process";

/** What one loop run reports. */
export interface LoopRun {
  /** The loop's own elapsed time (CLOCK_MONOTONIC inside the child), in ns. */
  elapsedNs: number;
  /** performance.now() when the loop was told to start and when the child was seen exiting. */
  startedAt: number;
  exitedAt: number;
}

/**
 * Runs `binary calls` on `cpu` (taskset -c; -1: not pinned) and resolves when it has exited.
 * @throws Error when the child fails or prints no elapsed time.
 */
export async function runTracedLoop(binary: string, calls: number, cpu: number,
  beforeStart: (pid: number) => void | Promise<void> = () => {}): Promise<LoopRun> {
  const [command, args] = cpu >= 0
    ? ["taskset", ["-c", String(cpu), binary, String(calls)]]
    : [binary, [String(calls)]];
  const child = spawn(command, args as string[], { stdio: ["pipe", "pipe", "inherit"] });
  let output = "";
  child.stdout!.setEncoding("utf8");
  child.stdout!.on("data", (chunk: string) => output += chunk);
  let exitedAt = 0;
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code: number | null) => {
      exitedAt = performance.now();
      resolve(code);
    });
  });
  try {
    await beforeStart(child.pid!);
  } catch (error) {
    child.kill();
    await exited.catch(() => {});
    throw error;
  }
  const startedAt = performance.now();
  child.stdin!.end("go\n");
  const code = await exited;
  const elapsedNs = Number.parseInt(output.trim(), 10);
  if (code !== 0 || !Number.isFinite(elapsedNs)) {
    throw new Error(`getppid_loop failed (exit ${code}): '${output.trim()}'`);
  }
  return { elapsedNs, startedAt, exitedAt };
}
