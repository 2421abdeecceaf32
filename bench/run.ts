/**
 * `npm run bench`: every benchmark in one run on this machine — tsbpf against bpftrace and
 * clang-compiled C loaded with libbpf — then the table on stdout, `bench/RESULTS.md` and
 * `bench/results.json`. Needs root; installs bpftrace, bpftool, clang and libbpf-dev from
 * Debian when they are missing, and mounts tracefs when it is not.
 *
 * Suites (BENCH_SUITES, comma-separated; default all): startup (bench/runtime/startup.ts),
 * uprobe and events (bench/corpus/), then the other suites present — ringbuf, compiler,
 * latency, http (their run.sh) and telemetry (rss.ts) — each as its own process, with what it
 * prints kept verbatim.
 * Each suite's settings are in its header; BENCH_QUICK=1 runs fewer repetitions.
 * `bench/run.sh --render` only rewrites RESULTS.md from results.json.
 *
 * A benchmark, not a test: it reports every figure and fails on none.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type BenchResults, type ExternalSuite, headlines, markdown } from "./report.ts";
import { runStartup } from "./runtime/startup.ts";
import { runUprobe } from "./corpus/uprobe_bench.ts";
import { runEvents } from "./corpus/events_bench.ts";
import { bin, buildHelpers, onlineCpus, root, version, withBpfStats } from "./runtime/tools.ts";

const EXTERNAL = ["ringbuf", "compiler", "latency", "telemetry", "http"];
/** Suites whose entry point is not a run.sh. */
const ENTRY: Record<string, string[]> = {
  telemetry: [join(bin, "bun"), join(root, "bench", "telemetry", "rss.ts")],
};
const suites = (process.env.BENCH_SUITES ?? ["startup", "uprobe", "events", ...EXTERNAL].join(","))
  .split(",").map((s) => s.trim()).filter(Boolean);
/** Per external suite, in seconds: the whole run must stay under 15 minutes. */
const EXTERNAL_TIMEOUT = Number(process.env.BENCH_SUITE_TIMEOUT ?? 300);

function have(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
}

/** Installs what the suites need from Debian's packages, only when something is missing. */
function ensureTools(): void {
  const missing = ["bpftrace", "bpftool", "clang", "cc", "taskset"].filter((c) => !have(c));
  if (!existsSync("/usr/include/bpf/libbpf.h")) missing.push("libbpf-dev");
  if (missing.length === 0) return;
  console.error(`installing ${missing.join(", ")} from Debian's packages`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-q"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-q", "bpftrace", "bpftool", "clang", "libbpf-dev", "util-linux"],
    { stdio: "inherit", env });
}

function ensureTracefs(): void {
  if (existsSync("/sys/kernel/tracing/events")) return;
  execFileSync("mount", ["-t", "tracefs", "tracefs", "/sys/kernel/tracing"], { stdio: "inherit" });
}

/** Runs bench/<name>/run.sh (or its ENTRY), keeping its stdout (its table); stderr shows progress. */
function runExternal(name: string): ExternalSuite | undefined {
  const script = join(root, "bench", name, "run.sh");
  const command = existsSync(script) ? ["sh", script] : ENTRY[name];
  if (!command || !existsSync(command.at(-1)!)) return undefined;
  console.error(`\n== ${name} (${command.slice(1).join(" ").replace(root + "/", "")})`);
  const started = performance.now();
  const result = spawnSync(command[0]!, command.slice(1), {
    cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], timeout: EXTERNAL_TIMEOUT * 1000,
    killSignal: "SIGINT",
  });
  const seconds = (performance.now() - started) / 1000;
  const error = result.error ? `${result.error.message} (after ${Math.round(seconds)} s)`
    : result.signal ? `killed by ${result.signal} after ${Math.round(seconds)} s`
    : result.status !== 0 ? `exit ${result.status}` : undefined;
  return { name, output: result.stdout ?? "", seconds, error };
}

/** `--render`: rewrites RESULTS.md from results.json (after a change to the report's format). */
function render(): void {
  const results = JSON.parse(readFileSync(join(root, "bench", "results.json"), "utf8")) as BenchResults;
  const text = markdown(results);
  writeFileSync(join(root, "bench", "RESULTS.md"), text);
  console.log(text);
}

async function main(): Promise<void> {
  if (process.argv.includes("--render")) return render();
  if (process.getuid?.() !== 0) throw new Error("npm run bench needs root: it loads BPF programs");
  const started = performance.now();
  ensureTools();
  ensureTracefs();
  const { probeClock, libbpfLoader } = buildHelpers();
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    machine: {
      kernel: readFileSync("/proc/sys/kernel/osrelease", "utf8").trim(),
      cpus: onlineCpus().length,
      versions: {
        bun: version(join(bin, "bun"), ["--version"]),
        deno: version(join(bin, "deno"), ["--version"]).replace(/^deno /, ""),
        node: process.versions.node ? version("node", ["--version"]) : "?",
        bpftrace: version("bpftrace", ["--version"]).replace(/^bpftrace /, ""),
        clang: version("clang", ["--version"]).replace(/^.*clang version /, ""),
      },
    },
    seconds: 0,
    suites: [],
  };
  await withBpfStats(async () => {
    if (suites.includes("startup")) {
      console.error("\n== startup (bench/runtime)");
      results.startup = await runStartup(libbpfLoader, probeClock);
    }
    if (suites.includes("uprobe")) {
      console.error("\n== uprobe (bench/corpus)");
      results.uprobe = runUprobe(libbpfLoader, probeClock);
    }
    if (suites.includes("events")) {
      console.error("\n== events (bench/corpus)");
      results.events = runEvents(libbpfLoader, probeClock);
    }
  });
  for (const name of EXTERNAL.filter((n) => suites.includes(n))) {
    const suite = runExternal(name);
    if (suite) results.suites.push(suite);
  }
  results.seconds = (performance.now() - started) / 1000;
  const text = markdown(results);
  writeFileSync(join(root, "bench", "RESULTS.md"), text);
  writeFileSync(join(root, "bench", "results.json"), JSON.stringify(results, null, 2) + "\n");
  console.log(text);
  console.error(`\nheadlines:\n${headlines(results).map((l) => `  ${l}`).join("\n")}`);
  console.error(`\nbench: ${(results.seconds / 60).toFixed(1)} minutes; wrote bench/RESULTS.md and bench/results.json`);
}

await main();
