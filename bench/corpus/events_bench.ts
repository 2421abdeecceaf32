/**
 * The event-throughput suite: an event to userspace on every getppid() (getppid_events.*),
 * while a C loop (bench/ringbuf/getppid_loop.c) makes N calls on its own CPU and the tool runs
 * on the other. Three ways: tsbpf's RingBuf with a JS callback — `tsbpf run` in Bun and in
 * Deno (`events.on()` in the probe's userspace part), and `load()` embedded in Node
 * (ring_consumer.ts, bundled) and in Bun — bpftrace's printf, and a libbpf C loader polling a ring buffer.
 *
 * Figures per tool (medians): records that reached userspace per second of the loop, records
 * lost, the loop's time per call against the same loop with no probe (its slowdown), the
 * kernel's cost per event (run_time_ns / run_cnt), and the tool's peak RSS.
 * BENCH_EVENTS_TOOLS="(Bun)|libbpf" runs only the tools whose names contain one of those.
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
  expected: number;
  loopNsPerCall: number;
  /** Loop time with the tool / without any probe (same run). */
  slowdown: number;
  kernelNsPerEvent: number;
  xlatedInsns: number;
  jitedBytes: number;
  peakRssMb: number;
}

export interface EventsResults {
  runs: number;
  baselineNsPerCall: number;
  rows: EventsRow[];
}

const TRACEPOINT = 5;
/** The ring of the C version (getppid_events.bpf.c), which the tsbpf probe declares as well. */
const C_RING_BYTES = 1 << 20;

/**
 * Says so when the built probe's ring is not the C version's size: records lost to a full ring
 * depend on it (a 256 KiB ring holds ~5 ms of this stream, 1 MiB ~21 ms), so the rows would not
 * compare like with like.
 */
function checkRingSize(artifactPath: string): void {
  const artifact = decodeCbor(readFileSync(artifactPath)) as Artifact;
  const ring = artifact.maps.find((m) => m.variable === "events" && !m.hidden);
  if (ring && ring.maxEntries !== C_RING_BYTES) {
    console.error(`events: warning: tsbpf's ring is ${ring.maxEntries / 1024} KiB, the C version's ` +
      `${C_RING_BYTES / 1024} KiB; lost records do not compare like with like`);
  }
}

export function runEvents(libbpfLoader: string, probeClock: string): EventsResults {
  const runs = setting("BENCH_EVENTS_RUNS", 5);
  const calls = setting("BENCH_EVENTS_CALLS", 2_000_000);
  // bpftrace's printf costs the traced loop microseconds per call; fewer calls keep it short.
  const bpftraceCalls = setting("BENCH_EVENTS_BPFTRACE_CALLS", 300_000);
  const here = join(root, "bench", "corpus");
  const dir = join(out, "corpus");
  const loop = join(dir, "getppid_loop");
  const artifact = join(dir, "getppid_events.tsbpf");
  const object = join(dir, "getppid_events.bpf.o");
  const consumer = join(dir, "ring_consumer.mjs");
  buildHost(join(root, "bench", "ringbuf", "getppid_loop.c"), loop);
  buildArtifact(join(here, "getppid_events.ts"), artifact);
  buildBpf(join(here, "getppid_events.bpf.c"), object);
  checkRingSize(artifact);
  const bundled = spawnSync("node", [join(root, "scripts", "bundle_node.mjs"),
    join(here, "ring_consumer.ts"), consumer], { cwd: root, encoding: "utf8" });
  if (bundled.status !== 0) throw new Error(`bundling ring_consumer.ts failed: ${bundled.stderr}`);

  const pin = cpuPair();
  const workload = (n: number) => [...pin.workload, loop, String(n)].join(" ");
  const countLines = (text: string) => text.split("\n").filter((l) => /^\d+ \d+$/.test(l)).length;
  const number = (pattern: RegExp, text: string) => Number(pattern.exec(text)?.[1] ?? 0);
  const tsbpfCounts = (stdout: string, stderr: string) => ({
    received: number(/received (\d+)/, stdout),
    lost: number(/lost (\d+)/, stdout + stderr),
  });
  const tools = [
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
      name: "bpftrace printf", calls: bpftraceCalls,
      command: ["bpftrace", join(here, "getppid_events.bt")],
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
    console.error(`events: run ${run + 1}/${runs} done`);
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
      expected: tool.calls * list.length,
      loopNsPerCall: median(list.map((r) => r.loopNs / tool.calls)),
      slowdown: median(list.map((r) => r.loopNs / tool.calls / r.base)),
      kernelNsPerEvent: median(list.map((r) => r.kernel)),
      xlatedInsns: list.at(-1)?.size.xlated ?? NaN,
      jitedBytes: list.at(-1)?.size.jited ?? NaN,
      peakRssMb: median(list.map((r) => r.rss)),
    };
  });
  return { runs, baselineNsPerCall: median(baselines), rows };
}
