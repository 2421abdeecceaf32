/**
 * The event-throughput suite, two workloads on the same tools. "One record per call": an event
 * to userspace on every getppid() (getppid_events.*). "Burst": BURST records per getppid()
 * (getppid_burst.*), so the producer outruns the consumers and the figure is the consumer's
 * capacity — with one record per call the traced loop's own syscall path caps the stream.
 * In both, a C loop (bench/ringbuf/getppid_loop.c) makes N calls on its own CPU and the tool
 * runs on the other. The tools: tsbpf's RingBuf with a JS callback — `tsbpf run` in Bun and in
 * Deno (`events.on()` in the probe's userspace part), and `load()` embedded in Node
 * (ring_consumer.ts, bundled) and in Bun — bpftrace's printf, and a libbpf C loader polling a
 * ring buffer.
 *
 * Figures per tool (medians): records that reached userspace per second of the loop, records
 * lost, the loop's time per call against the same loop with no probe (its slowdown), the
 * kernel's cost per call (run_time_ns / run_cnt), and the tool's peak RSS.
 * Settings: BENCH_EVENTS_RUNS (5); calls per run BENCH_EVENTS_CALLS (2,000,000),
 * BENCH_EVENTS_BPFTRACE_CALLS (300,000), BENCH_EVENTS_BURST_CALLS (2,000,000),
 * BENCH_EVENTS_BURST_BPFTRACE_CALLS (30,000); BENCH_EVENTS_TOOLS="(Bun)|libbpf" runs only the
 * tools whose names contain one of those; BENCH_EVENTS_WORKLOADS="burst" only that workload
 * ("one,burst" by default).
 */
import { decode as decodeCbor } from "cbor-x/decode";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Artifact } from "@ts-bpf/loader";
import {
  attempt, bin, buildArtifact, buildBpf, buildHost, clock, cpuPair, median, nsPerEvent, out, programSize,
  requireAttached, root, setting, tsbpf,
} from "../runtime/tools.ts";

export interface EventsRow {
  tool: string;
  /** Why a run failed, if one did (the figures are of the runs that worked). */
  error?: string;
  calls: number;
  /** Records delivered to userspace / the loop's own time, per second. */
  deliveredPerSecond: number;
  /** Records that reached userspace and records lost, summed over the runs. */
  received: number;
  lost: number;
  /** Runs that lost any record (absent in results from before it was recorded). */
  lossyRuns?: number;
  /** calls × records per call × runs. */
  expected: number;
  loopNsPerCall: number;
  /** Loop time with the tool / without any probe (same run). */
  slowdown: number;
  /** The program's kernel time per run (per call: a burst's records together). */
  kernelNsPerEvent: number;
  xlatedInsns: number;
  jitedBytes: number;
  peakRssMb: number;
}

/** One workload's figures. */
export interface EventsWorkloadResults {
  runs: number;
  /** Records each getppid() call emits. */
  recordsPerCall: number;
  /** The ring buffer's size in the tsbpf and C versions. */
  ringBytes: number;
  baselineNsPerCall: number;
  rows: EventsRow[];
}

/** The one-record workload at the top level (as before the burst one existed), burst beside it. */
export interface EventsResults {
  runs: number;
  /** The one-record workload's ring (absent in results from before it was recorded). */
  ringBytes?: number;
  baselineNsPerCall: number;
  rows: EventsRow[];
  burst?: EventsWorkloadResults;
}

const TRACEPOINT = 5;

/** The ring size a C version declares (`max_entries` of its ring buffer map). */
function cRingBytes(source: string): number {
  const found = /BPF_MAP_TYPE_RINGBUF\);\s*__uint\(max_entries, 1 << (\d+)\)/.exec(readFileSync(source, "utf8"));
  if (!found) throw new Error(`events: no ring buffer size in ${source}`);
  return 2 ** Number(found[1]);
}

/**
 * Says so when the built probe's ring is not its C version's size: records lost to a full ring
 * depend on it (a 256 KiB ring holds ~5 ms of the one-record stream, 1 MiB ~21 ms), so the rows
 * would not compare like with like.
 */
function checkRingSize(artifactPath: string, cSource: string): void {
  const artifact = decodeCbor(readFileSync(artifactPath)) as Artifact;
  const ring = artifact.maps.find((m) => m.variable === "events" && !m.hidden);
  const bytes = cRingBytes(cSource);
  if (ring && ring.maxEntries !== bytes) {
    console.error(`events: warning: tsbpf's ring is ${ring.maxEntries / 1024} KiB, the C version's ` +
      `${bytes / 1024} KiB; lost records do not compare like with like`);
  }
}

/**
 * The burst size the three burst versions declare; fails when they disagree, since the
 * expected count (calls × BURST) would be wrong for one of them.
 */
function burstSize(here: string): number {
  const read = (file: string, pattern: RegExp) => {
    const found = pattern.exec(readFileSync(join(here, file), "utf8"));
    if (!found) throw new Error(`events: no burst size in ${file} (${pattern})`);
    return Number(found[1]);
  };
  const sizes = {
    "getppid_burst.ts": read("getppid_burst.ts", /^const BURST = (\d+);/m),
    "getppid_burst.bpf.c": read("getppid_burst.bpf.c", /^#define BURST (\d+)$/m),
    "getppid_burst.bt": read("getppid_burst.bt", /unroll\((\d+)\)/),
  };
  const values = new Set(Object.values(sizes));
  if (values.size !== 1) throw new Error(`events: the burst versions disagree: ${JSON.stringify(sizes)}`);
  return [...values][0]!;
}

/** What differs between the two workloads. */
interface Workload {
  /** Base name of the three versions in bench/corpus/ (NAME.ts, NAME.bpf.c, NAME.bt). */
  name: string;
  recordsPerCall: number;
  calls: number;
  /** bpftrace's printf costs the traced loop microseconds per record: it gets fewer calls. */
  bpftraceCalls: number;
}

interface Tool {
  name: string;
  calls: number;
  command: string[];
  counts: (stdout: string, stderr: string) => { received: number; lost: number };
}

export function runEvents(libbpfLoader: string, probeClock: string): EventsResults {
  const runs = setting("BENCH_EVENTS_RUNS", 5);
  const here = join(root, "bench", "corpus");
  const dir = join(out, "corpus");
  const loop = join(dir, "getppid_loop");
  const consumer = join(dir, "ring_consumer.mjs");
  buildHost(join(root, "bench", "ringbuf", "getppid_loop.c"), loop);
  const bundled = spawnSync("node", [join(root, "scripts", "bundle_node.mjs"),
    join(here, "ring_consumer.ts"), consumer], { cwd: root, encoding: "utf8" });
  if (bundled.status !== 0) throw new Error(`bundling ring_consumer.ts failed: ${bundled.stderr}`);
  const wanted = (process.env.BENCH_EVENTS_WORKLOADS ?? "one,burst").split(",").map((w) => w.trim());

  const one: Workload = {
    name: "getppid_events", recordsPerCall: 1,
    calls: setting("BENCH_EVENTS_CALLS", 2_000_000),
    bpftraceCalls: setting("BENCH_EVENTS_BPFTRACE_CALLS", 300_000),
  };
  const burst: Workload = {
    name: "getppid_burst", recordsPerCall: burstSize(here),
    calls: setting("BENCH_EVENTS_BURST_CALLS", 2_000_000),
    bpftraceCalls: setting("BENCH_EVENTS_BURST_BPFTRACE_CALLS", 30_000),
  };
  const measure = (w: Workload) => runWorkload(w, runs, { here, dir, loop, consumer, libbpfLoader, probeClock });
  const results: EventsResults = { runs, baselineNsPerCall: NaN, rows: [] };
  if (wanted.includes("one")) {
    const { baselineNsPerCall, ringBytes, rows } = measure(one);
    Object.assign(results, { baselineNsPerCall, ringBytes, rows });
  }
  if (wanted.includes("burst")) results.burst = measure(burst);
  return results;
}

/**
 * One workload: builds its three versions, then `runs` rounds of every tool in turn (each beside
 * a no-probe loop of the same length, for the slowdown), and reduces them to one row per tool.
 */
function runWorkload(w: Workload, runs: number, paths: {
  here: string; dir: string; loop: string; consumer: string; libbpfLoader: string; probeClock: string;
}): EventsWorkloadResults {
  const { here, dir, loop, consumer, libbpfLoader, probeClock } = paths;
  const artifact = join(dir, `${w.name}.tsbpf`);
  const object = join(dir, `${w.name}.bpf.o`);
  buildArtifact(join(here, `${w.name}.ts`), artifact);
  buildBpf(join(here, `${w.name}.bpf.c`), object);
  checkRingSize(artifact, join(here, `${w.name}.bpf.c`));

  const pin = cpuPair();
  const workload = (n: number) => [...pin.workload, loop, String(n)].join(" ");
  const countLines = (text: string) => text.split("\n").filter((l) => /^\d+ \d+$/.test(l)).length;
  const number = (pattern: RegExp, text: string) => Number(pattern.exec(text)?.[1] ?? 0);
  const tsbpfCounts = (stdout: string, stderr: string) => ({
    received: number(/received (\d+)/, stdout),
    lost: number(/lost (\d+)/, stdout + stderr),
  });
  const calls = w.calls;
  const tools: Tool[] = [
    { name: "tsbpf run, RingBuf + events.on() (Bun)", calls, command: [tsbpf, "run", artifact], counts: tsbpfCounts },
    {
      name: "tsbpf run, RingBuf + events.on() (Deno)", calls, counts: tsbpfCounts,
      command: [join(bin, "deno"), "run", "--allow-all", "--no-check",
        join(root, "runtime", "src", "cli", "tsbpf.ts"), "run", artifact],
    },
    { name: "tsbpf load(), RingBuf + callback (Node)", calls, command: ["node", consumer, artifact, "events"],
      counts: tsbpfCounts },
    {
      name: "tsbpf load(), RingBuf + callback (Bun)", calls, counts: tsbpfCounts,
      command: [join(bin, "bun"), join(here, "ring_consumer.ts"), artifact, "events"],
    },
    {
      name: "bpftrace printf", calls: w.bpftraceCalls,
      command: ["bpftrace", join(here, `${w.name}.bt`)],
      counts: (stdout: string, stderr: string) => ({
        received: countLines(stdout), lost: number(/Lost (\d+) events/, stdout + stderr),
      }),
    },
    {
      name: "libbpf C loader, ring_buffer__poll", calls,
      command: [libbpfLoader, object, "--ringbuf", "events", "--sum", "drops"],
      counts: (stdout: string) => ({
        received: number(/received (\d+)/, stdout), lost: number(/drops (\d+)/, stdout),
      }),
    },
  ];

  // BENCH_EVENTS_TOOLS: only the tools whose name contains one of these ("|"-separated: the
  // names hold commas), e.g. "(Bun)|libbpf".
  const only = (process.env.BENCH_EVENTS_TOOLS ?? "").split("|").map((t) => t.trim()).filter(Boolean);
  if (only.length > 0) {
    tools.splice(0, tools.length, ...tools.filter((t) => only.some((o) => t.name.includes(o))));
  }

  const baseline = (n: number) => {
    const result = spawnSync("sh", ["-c", `echo go | ${workload(n)}`], { encoding: "utf8" });
    return Number(result.stdout.trim()) / n;
  };
  const baselines: number[] = [];
  const failures = new Map<string, string>();
  const perTool = new Map(tools.map((t) => [t.name, [] as {
    loopNs: number; received: number; lost: number; base: number; kernel: number; rss: number;
    size: { xlated: number; jited: number };
  }[]]));
  for (let run = 0; run < runs; run++) {
    for (const tool of tools) {
      const base = baseline(tool.calls);
      baselines.push(base);
      attempt(tool.name, failures, () => {
        const result = requireAttached(tool.name, clock(probeClock, [...pin.tool, ...tool.command], {
          progType: TRACEPOINT, trigger: "getppid", workload: workload(tool.calls), holdMs: 300,
        }));
        const loopNs = Number(result.workloadOut.trim());
        const { received, lost } = tool.counts(result.stdout, result.stderr);
        perTool.get(tool.name)!.push({
          loopNs, received, lost, base,
          kernel: nsPerEvent(result.programs, TRACEPOINT),
          rss: result.hwmKb / 1024,
          size: programSize(result.programs, TRACEPOINT),
        });
      });
    }
    console.error(`events (${w.name}): run ${run + 1}/${runs} done`);
  }
  const rows = tools.map((tool): EventsRow => {
    const list = perTool.get(tool.name)!;
    return {
      tool: tool.name,
      error: failures.get(tool.name),
      calls: tool.calls,
      deliveredPerSecond: median(list.map((r) => r.received / (r.loopNs / 1e9))),
      received: list.reduce((s, r) => s + r.received, 0),
      lost: list.reduce((s, r) => s + r.lost, 0),
      lossyRuns: list.filter((r) => r.lost > 0).length,
      expected: tool.calls * w.recordsPerCall * list.length,
      loopNsPerCall: median(list.map((r) => r.loopNs / tool.calls)),
      slowdown: median(list.map((r) => r.loopNs / tool.calls / r.base)),
      kernelNsPerEvent: median(list.map((r) => r.kernel)),
      xlatedInsns: list.at(-1)?.size.xlated ?? NaN,
      jitedBytes: list.at(-1)?.size.jited ?? NaN,
      peakRssMb: median(list.map((r) => r.rss)),
    };
  });
  return {
    runs, recordsPerCall: w.recordsPerCall, ringBytes: cRingBytes(join(here, `${w.name}.bpf.c`)),
    baselineNsPerCall: median(baselines), rows,
  };
}
