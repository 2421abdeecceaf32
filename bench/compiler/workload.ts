/**
 * The compiler benchmark's workload runner: builds workload.c once per run (and the file the
 * block-I/O kind reads), then runs one kind for a count, pinned to the last CPU so every
 * implementation's programs run where the same things happen. Runs without blocking the event
 * loop, so ring-buffer readers keep draining meanwhile.
 */
import { spawn, spawnSync } from "node:child_process";
import { onlineCpus } from "@ts-bpf/loader";

export type WorkloadKind = "openat" | "read" | "execve" | "getppid" | "kill" | "rw" | "exec" | "pingpong" |
  "tcp" | "bio" | "spin" | "bash";

const HERE = new URL(".", import.meta.url).pathname;

export class Workload {
  readonly #binary: string;
  /** On the root disk (bench/out is in the checkout), so its reads are the disk's I/O. */
  readonly #bioFile: string;

  private constructor(outDir: string) {
    this.#binary = `${outDir}workload`;
    this.#bioFile = `${outDir}bio.dat`;
  }

  /** Compiles workload.c into `outDir` and writes the block-I/O kind's file. */
  static build(outDir: string): Workload {
    const workload = new Workload(outDir);
    check(spawnSync("cc", ["-O2", "-pthread", "-o", workload.#binary, `${HERE}workload.c`], { encoding: "utf8" }),
      "cc workload.c");
    check(spawnSync(workload.#binary, ["bio-setup", workload.#bioFile], { encoding: "utf8" }), "workload bio-setup");
    return workload;
  }

  run(kind: WorkloadKind, count: number): Promise<void> {
    const cpu = String(onlineCpus().at(-1) ?? 0);
    const args = ["-c", cpu, this.#binary, kind, String(count), ...(kind === "bio" ? [this.#bioFile] : [])];
    return new Promise((resolve, reject) => {
      const child = spawn("taskset", args, { stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.once("error", reject);
      child.once("exit", (code) => (code === 0 ? resolve()
        : reject(new Error(`workload ${kind} ${count} exited ${code}: ${stderr.trim()}`))));
    });
  }
}

function check(out: ReturnType<typeof spawnSync>, what: string): void {
  if (out.status !== 0) throw new Error(`${what} failed:\n${out.stderr}${out.stdout}`);
}
