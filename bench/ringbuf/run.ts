/**
 * Runs the ring-buffer benchmark (`bench.ts`) in Bun, Deno and Node, one process each, and
 * prints a markdown table of medians and same-run ratios; writes `results.json` beside this
 * file. Needs root, `cc` and `taskset`. Build outputs go to `bench/out/ringbuf/` (git-ignored).
 *
 * Settings (environment): RINGBUF_BENCH_CALLS (getppid calls per loop, default 3,000,000),
 * RINGBUF_BENCH_RUNS (default 5), RINGBUF_BENCH_RING_BYTES (the consumer's ring, default 1 MiB),
 * RINGBUF_BENCH_RUNTIMES (default "bun,deno,node").
 *
 * A benchmark, not a test: it reports, it never fails on a figure.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunResult, RuntimeResult } from "./bench.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const out = join(root, "bench", "out", "ringbuf");
const bin = join(root, "node_modules", ".bin");
const STATS_PATH = "/proc/sys/kernel/bpf_stats_enabled";

const calls = Number(process.env.RINGBUF_BENCH_CALLS ?? 3_000_000);
const runs = Number(process.env.RINGBUF_BENCH_RUNS ?? 5);
const ringBytes = Number(process.env.RINGBUF_BENCH_RING_BYTES ?? 1 << 20);
const runtimes = (process.env.RINGBUF_BENCH_RUNTIMES ?? "bun,deno,node").split(",");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function onlineCpus(): number[] {
  const text = readFileSync("/sys/devices/system/cpu/online", "utf8").trim();
  return text.split(",").flatMap((part) => {
    const [from, to] = part.split("-").map(Number);
    return Array.from({ length: (to ?? from!) - from! + 1 }, (_, i) => from! + i);
  });
}

/** The command that runs bench.ts in `runtime`, pinned to `cpu` (-1: not pinned). */
function command(runtime: string, cpu: number, benchArgs: string[]): [string, string[]] {
  const entry = join(here, "bench.ts");
  const byRuntime: Record<string, string[]> = {
    bun: [join(bin, "bun"), entry],
    deno: [join(bin, "deno"), "run", "--allow-all", "--no-check", entry],
    node: ["node", join(out, "bench.mjs")],
  };
  const argv = [...byRuntime[runtime]!, ...benchArgs];
  return cpu >= 0 ? ["taskset", ["-c", String(cpu), ...argv]] : [argv[0]!, argv.slice(1)];
}

interface Summary {
  runtime: string;
  version: string;
  /** Records / time until the last one reached the callback: view per record, then raw. */
  deliveredPerSecond: number;
  rawDeliveredPerSecond: number;
  /** Records/s when draining a full ring with no producer running. */
  drainPerSecond: number;
  rawDrainPerSecond: number;
  baselineNsPerCall: number;
  probeNsPerCall: number;
  consumerNsPerCall: number;
  rawNsPerCall: number;
  /** Loop time with the reader / loop time with the probe and no reader (same run). */
  consumerVsProbe: number;
  rawVsProbe: number;
  /** Loop time with the probe and no reader / loop time with no probe (same run). */
  probeVsBaseline: number;
  /** Loop time with a reader that does not pause / with the probe and no reader (same run). */
  noPauseVsProbe: number;
  noPauseFailures: number;
  /** Outputs that failed (ring full) over all runs, and in how many runs any did. */
  failedOutputs: number;
  runsWithFailures: number;
  rawFailedOutputs: number;
  rawRunsWithFailures: number;
  outOfOrder: number;
  rawOutOfOrder: number;
  probeOnlyFailures: number;
  drainLagMs: number;
  readerCores: number;
  rawReaderCores: number;
  kernelNsPerEvent: number;
}

function summarize(result: RuntimeResult): Summary {
  const per = (pick: (r: RunResult) => number) => median(result.runs.map(pick));
  const sum = (pick: (r: RunResult) => number) => result.runs.reduce((a, r) => a + pick(r), 0);
  return {
    runtime: result.runtime,
    version: result.version,
    deliveredPerSecond: per((r) => r.deliveredPerSecond),
    rawDeliveredPerSecond: per((r) => r.rawDeliveredPerSecond),
    drainPerSecond: per((r) => r.drainPerSecond),
    rawDrainPerSecond: per((r) => r.rawDrainPerSecond),
    baselineNsPerCall: per((r) => r.baselineNs / result.calls),
    probeNsPerCall: per((r) => r.probeNs / result.calls),
    consumerNsPerCall: per((r) => r.consumerNs / result.calls),
    rawNsPerCall: per((r) => r.rawNs / result.calls),
    consumerVsProbe: per((r) => r.consumerNs / r.probeNs),
    rawVsProbe: per((r) => r.rawNs / r.probeNs),
    probeVsBaseline: per((r) => r.probeNs / r.baselineNs),
    noPauseVsProbe: per((r) => r.noPauseNs / r.probeNs),
    noPauseFailures: sum((r) => r.noPauseFailures),
    failedOutputs: sum((r) => r.failures),
    runsWithFailures: result.runs.filter((r) => r.failures > 0).length,
    rawFailedOutputs: sum((r) => r.rawFailures),
    rawRunsWithFailures: result.runs.filter((r) => r.rawFailures > 0).length,
    outOfOrder: sum((r) => r.outOfOrder),
    rawOutOfOrder: sum((r) => r.rawOutOfOrder),
    probeOnlyFailures: sum((r) => r.probeFailures),
    drainLagMs: per((r) => r.drainLagMs),
    readerCores: per((r) => r.consumerCores),
    rawReaderCores: per((r) => r.rawConsumerCores),
    kernelNsPerEvent: result.kernelNsPerEvent,
  };
}

function table(summaries: Summary[]): string {
  const f = (n: number, digits = 0) => n.toLocaleString("en-US", {
    minimumFractionDigits: digits, maximumFractionDigits: digits,
  });
  const pair = (a: string, b: string) => `${a} / ${b}`;
  const lost = (count: number, inRuns: number) => `${f(count)} (${inRuns}/${runs})`;
  const rows = summaries.map((s) => [
    s.version,
    pair(f(s.deliveredPerSecond / 1e6, 2), f(s.rawDeliveredPerSecond / 1e6, 2)) + " M/s",
    pair(f(s.drainPerSecond / 1e6, 1), f(s.rawDrainPerSecond / 1e6, 1)) + " M/s",
    f(s.baselineNsPerCall), f(s.probeNsPerCall), pair(f(s.consumerNsPerCall), f(s.rawNsPerCall)),
    `${f(s.probeVsBaseline, 2)}×`,
    pair(`${f(s.consumerVsProbe, 3)}×`, `${f(s.rawVsProbe, 3)}×`),
    `${f(s.noPauseVsProbe, 2)}× (${f(s.noPauseFailures)} lost)`,
    pair(lost(s.failedOutputs, s.runsWithFailures),
      lost(s.rawFailedOutputs, s.rawRunsWithFailures)),
    pair(f(s.outOfOrder), f(s.rawOutOfOrder)),
    pair(f(s.readerCores, 2), f(s.rawReaderCores, 2)),
    f(s.kernelNsPerEvent),
  ]);
  const head = ["runtime", "delivered, view / raw", "full-ring drain, view / raw",
    "loop ns/call, no probe", "probe, no reader", "probe + reader, view / raw",
    "probe / no probe", "reader / no reader, view / raw", "no-pause reader / no reader",
    "failed outputs (runs), view / raw", "out of order", "reader CPU (cores)",
    "kernel ns/event"];
  return [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

function main(): void {
  if (process.getuid?.() !== 0) throw new Error("bench/ringbuf needs root (it loads BPF programs)");
  mkdirSync(out, { recursive: true });
  const loop = join(out, "getppid_loop");
  execFileSync("cc", ["-O2", "-o", loop, join(here, "getppid_loop.c")], { stdio: "inherit" });
  if (runtimes.includes("node")) {
    execFileSync("node", [join(root, "scripts", "bundle_node.mjs"), join(here, "bench.ts"),
      join(out, "bench.mjs")], { stdio: "inherit", cwd: root });
  }
  const cpus = onlineCpus();
  const [readerCpu, loopCpu] = cpus.length > 1 ? [cpus[0]!, cpus.at(-1)!] : [-1, -1];
  const statsBefore = readFileSync(STATS_PATH, "utf8").trim();
  const results: RuntimeResult[] = [];
  try {
    for (const runtime of runtimes) {
      const [cmd, args] = command(runtime, readerCpu,
        [loop, String(calls), String(runs), String(ringBytes), String(loopCpu)]);
      const started = Date.now();
      const child = spawnSync(cmd, args,
        { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
      const line = child.stdout.trim().split("\n").at(-1) ?? "";
      if (child.status !== 0 || !line.startsWith("{")) {
        throw new Error(`${runtime} bench failed (exit ${child.status}): ${child.stdout}`);
      }
      results.push(JSON.parse(line) as RuntimeResult);
      console.error(`${runtime}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    // bench.ts restores it too; this covers a runtime that died half-way.
    writeFileSync(STATS_PATH, statsBefore);
  }
  const summaries = results.map(summarize);
  const kernel = readFileSync("/proc/sys/kernel/osrelease", "utf8").trim();
  console.log(`Ring buffer: getppid() loop of ${calls.toLocaleString("en-US")} calls pinned to ` +
    `CPU ${loopCpu}, reader pinned to CPU ${readerCpu}, ${ringBytes / 1024} KiB ring, ` +
    `medians of ${runs} runs, Linux ${kernel}, ${cpus.length} CPUs.\n`);
  console.log(table(summaries));
  writeFileSync(join(here, "results.json"), JSON.stringify({
    generatedAt: new Date().toISOString(),
    machine: { kernel, cpus: cpus.length, loopCpu, readerCpu },
    settings: { calls, runs, ringBytes },
    summaries,
    raw: results,
  }, null, 2) + "\n");
}

main();
