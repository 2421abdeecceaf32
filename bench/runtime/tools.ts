/**
 * What the three-ways benchmarks share: the repository's paths, building the C helpers and the
 * probes (clang, cc, `tsbpf build`), running a tool under `probe_clock` (which measures it from
 * the outside the same way for every tool) and reading its JSON, medians, and the settings the
 * suites read from the environment.
 *
 * Not a test and not a library: nothing here fails on a figure.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const bin = join(root, "node_modules", ".bin");
/** Build outputs of these suites (git-ignored). */
export const out = join(root, "bench", "out");
export const tsbpf = join(root, "runtime", "bin", "tsbpf");
const STATS_PATH = "/proc/sys/kernel/bpf_stats_enabled";

/** A number from the environment, or `fallback` (a third of it, at least 1, with BENCH_QUICK=1). */
export function setting(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  if (Number.isFinite(value) && value > 0) return value;
  return process.env.BENCH_QUICK === "1" ? Math.max(1, Math.ceil(fallback / 3)) : fallback;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The machine's online CPUs, e.g. [0, 1]. */
export function onlineCpus(): number[] {
  const text = readFileSync("/sys/devices/system/cpu/online", "utf8").trim();
  return text.split(",").flatMap((part) => {
    const [from, to] = part.split("-").map(Number);
    return Array.from({ length: (to ?? from!) - from! + 1 }, (_, i) => from! + i);
  });
}

/**
 * Two CPUs to keep the tool and the traced workload apart (as a person would run them on a busy
 * machine: the tracer never shares a core with what it traces), or none on a 1-CPU machine.
 */
export function cpuPair(): { tool: string[]; workload: string[] } {
  const cpus = onlineCpus();
  if (cpus.length < 2) return { tool: [], workload: [] };
  return {
    tool: ["taskset", "-c", String(cpus[0])],
    workload: ["/usr/bin/taskset", "-c", String(cpus.at(-1))],
  };
}

/** Runs `fn` with kernel.bpf_stats_enabled=1 (per-program run_cnt and run_time_ns), restored after. */
export async function withBpfStats<T>(fn: () => Promise<T>): Promise<T> {
  const before = readFileSync(STATS_PATH, "utf8").trim();
  execFileSync("sh", ["-c", `echo 1 > ${STATS_PATH}`]);
  try {
    return await fn();
  } finally {
    execFileSync("sh", ["-c", `echo ${before} > ${STATS_PATH}`]);
  }
}

/** Runs a build step, failing with its output when it fails; returns the wall time in ms. */
export function build(command: string, args: string[]): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  }
  return performance.now() - started;
}

/** Compiles a C program for the host. */
export function buildHost(source: string, output: string, libs: string[] = []): void {
  mkdirSync(dirname(output), { recursive: true });
  build("cc", ["-O2", "-Wall", "-o", output, source, ...libs]);
}

/** Compiles a BPF C program the way a libbpf user does; returns clang's wall time in ms. */
export function buildBpf(source: string, output: string, defines: string[] = []): number {
  mkdirSync(dirname(output), { recursive: true });
  // Debian keeps asm/types.h under the multiarch directory, which -target bpf does not search.
  return build("clang", ["-O2", "-g", "-target", "bpf", "-I/usr/include/x86_64-linux-gnu",
    ...defines.map((d) => `-D${d}`), "-c", source, "-o", output]);
}

/** `tsbpf build` of a probe; returns the command's wall time in ms. */
export function buildArtifact(probe: string, output: string): number {
  mkdirSync(dirname(output), { recursive: true });
  return build(tsbpf, ["build", probe, "-o", output]);
}

/** The C helpers every suite uses: probe_clock and the libbpf loader. */
export function buildHelpers(): { probeClock: string; libbpfLoader: string } {
  const here = join(root, "bench", "runtime");
  const probeClock = join(out, "runtime", "probe_clock");
  const libbpfLoader = join(out, "runtime", "libbpf_loader");
  buildHost(join(here, "probe_clock.c"), probeClock, ["-lbpf"]);
  buildHost(join(here, "libbpf_loader.c"), libbpfLoader, ["-lbpf"]);
  return { probeClock, libbpfLoader };
}

/** One BPF program the measured tool held, as the kernel reports it. */
export interface ProgramFigures {
  id: number;
  type: number;
  name: string;
  xlatedInsns: number;
  jitedBytes: number;
  runCnt: number;
  runTimeNs: number;
}

/** What probe_clock reports for one start of a tool. */
export interface ClockResult {
  /** From process start until every program of the wanted type had run; -1: never. */
  attachedNs: number;
  /** CPU time of all the tool's threads by then (schedstat): less inflated by a busy machine. */
  attachedCpuNs: number;
  workloadNs: number;
  workloadOut: string;
  /** The tool's peak and current RSS before it was stopped. */
  hwmKb: number;
  rssKb: number;
  /** From SIGINT to exit. */
  stopNs: number;
  exitedEarly: boolean;
  exitCode: number;
  programs: ProgramFigures[];
  stdout: string;
  stderr: string;
}

export interface ClockOptions {
  /** BPF_PROG_TYPE_* of the programs that must run: 5 tracepoint, 2 kprobe (uprobes). */
  progType: number;
  trigger?: "openat" | "getppid";
  /** A command run between polls to fire the probe (uprobes), split on spaces. */
  triggerCmd?: string;
  workload?: string;
  holdMs?: number;
  env?: Record<string, string>;
}

/** Starts `command` under probe_clock and returns what it measured, with the tool's output. */
export function clock(probeClock: string, command: string[], options: ClockOptions): ClockResult {
  const logs = join(out, "logs");
  mkdirSync(logs, { recursive: true });
  const stdoutPath = join(logs, "tool.out");
  const stderrPath = join(logs, "tool.err");
  const args = ["--prog-type", String(options.progType), "--stdout", stdoutPath,
    "--stderr", stderrPath, "--hold-ms", String(options.holdMs ?? 0)];
  if (options.trigger) args.push("--trigger", options.trigger);
  if (options.triggerCmd) args.push("--trigger-cmd", options.triggerCmd);
  if (options.workload) args.push("--workload", options.workload);
  const result = spawnSync(probeClock, [...args, "--", ...command], {
    cwd: root, encoding: "utf8", env: { ...process.env, ...options.env },
  });
  const line = result.stdout.trim().split("\n").at(-1) ?? "";
  if (result.status !== 0 || !line.startsWith("{")) {
    throw new Error(`probe_clock failed for ${command.join(" ")}: ${result.stdout}${result.stderr}`);
  }
  const parsed = JSON.parse(line) as Omit<ClockResult, "stdout" | "stderr">;
  const read = (path: string) => existsSync(path) ? readFileSync(path, "utf8") : "";
  return { ...parsed, stdout: read(stdoutPath), stderr: read(stderrPath) };
}

/** Fails with the tool's own words when it did not attach or exited on its own. */
export function requireAttached(name: string, result: ClockResult): ClockResult {
  if (result.attachedNs < 0 || result.exitedEarly) {
    throw new Error(`${name} did not attach (exit ${result.exitCode}):\n` +
      `${result.stdout.slice(-2000)}${result.stderr.slice(-2000)}`);
  }
  return result;
}

/**
 * Runs one measurement; a tool that fails is reported (first line of its error, kept in
 * `failures`) and the suite goes on with the others.
 */
export function attempt(tool: string, failures: Map<string, string>, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = message.split("\n").map((l) => l.trim()).filter(Boolean).slice(0, 2).join(" ");
    failures.set(tool, line.slice(0, 300));
    console.error(`  ${tool} failed: ${line.slice(0, 300)}`);
  }
}

/** Kernel cost per event over the programs of one run: Σ run_time_ns / Σ run_cnt per program. */
export function nsPerEvent(programs: ProgramFigures[], type: number): number {
  return programs.filter((p) => p.type === type && p.runCnt > 0)
    .reduce((sum, p) => sum + p.runTimeNs / p.runCnt, 0);
}

/** Σ xlated instructions and Σ jited bytes of the programs of one type. */
export function programSize(programs: ProgramFigures[], type: number): { xlated: number; jited: number } {
  const of = programs.filter((p) => p.type === type);
  return {
    xlated: of.reduce((s, p) => s + p.xlatedInsns, 0),
    jited: of.reduce((s, p) => s + p.jitedBytes, 0),
  };
}

/** The version line of a tool, for the report. */
export function version(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8" });
  return `${result.stdout}${result.stderr}`.trim().split("\n")[0] ?? "?";
}
