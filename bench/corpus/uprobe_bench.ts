/**
 * The uprobe suite: a uprobe/uretprobe pair on `work()` of a small C program (uprobe_target.c)
 * builds a log2 latency histogram, three ways — tsbpf (uprobe_latency.ts, run from its
 * artifact), bpftrace (uprobe_latency.bt) and C with libbpf (uprobe_latency.bpf.c). The
 * binary's absolute path is written into each version before it is built.
 *
 * Figures per tool (medians): time to attached, the program's ns per hit for entry + return
 * (run_time_ns / run_cnt), xlated instructions and jited bytes, the traced loop's time per call
 * against the same loop with no probe, the histogram's total against the uretprobe's run count
 * (every return must land in a bucket), and the tool's peak RSS.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import {
  attempt, buildArtifact, buildBpf, buildHost, clock, median, nsPerEvent, out, programSize, requireAttached,
  root, setting, tsbpf,
} from "../runtime/tools.ts";

export interface UprobeRow {
  tool: string;
  /** Why a run failed, if one did (the figures are of the runs that worked). */
  error?: string;
  attachedMs: number;
  /** Entry + return program cost per call, from the kernel's run statistics. */
  kernelNsPerCall: number;
  xlatedInsns: number;
  jitedBytes: number;
  loopNsPerCall: number;
  /** Loop time with the probe / without (same run). */
  slowdown: number;
  /** The histogram's total and the uretprobe's run count, last run. */
  histogramTotal: number;
  returns: number;
  peakRssMb: number;
}

export interface UprobeResults {
  runs: number;
  calls: number;
  baselineNsPerCall: number;
  rows: UprobeRow[];
}

const KPROBE = 2; // uprobes are kprobe-type programs

/** Sums the counts of a bpftrace-style bar chart ("[8K, 16K)   123 |@@@|"). */
export function histogramTotal(text: string): number {
  let total = 0;
  for (const match of text.matchAll(/^\[[^\]\n]*[\])]\s+(\d+)\s+\|/gm)) total += Number(match[1]);
  return total;
}

export function runUprobe(libbpfLoader: string, probeClock: string): UprobeResults {
  const runs = setting("BENCH_UPROBE_RUNS", 5);
  // Uprobes trap: about 15 µs per hit here, so 20,000 calls take a third of a second.
  const calls = setting("BENCH_UPROBE_CALLS", 20_000);
  const here = join(root, "bench", "corpus");
  const dir = join(out, "corpus");
  const target = join(dir, "uprobe_target");
  buildHost(join(here, "uprobe_target.c"), target);
  const withTarget = (name: string, placeholder: string, replacement: string) => {
    const path = join(dir, name);
    writeFileSync(path, readFileSync(join(here, name), "utf8").replaceAll(placeholder, replacement));
    return path;
  };
  const script = withTarget("uprobe_latency.bt", "TARGET", target);
  const probe = withTarget("uprobe_latency.ts", '"TARGET"', JSON.stringify(target));
  const artifact = join(dir, "uprobe_latency.tsbpf");
  const object = join(dir, "uprobe_latency.bpf.o");
  buildArtifact(probe, artifact);
  buildBpf(join(here, "uprobe_latency.bpf.c"), object, [`TARGET=${JSON.stringify(target)}`]);

  const tools = [
    { name: "tsbpf run probe.tsbpf (Bun)", command: [tsbpf, "run", artifact], total: histogramTotal },
    { name: "bpftrace", command: ["bpftrace", script], total: histogramTotal },
    {
      name: "libbpf C loader", command: [libbpfLoader, object, "--sum", "hist"],
      total: (stdout: string) => Number(/hist (\d+)/.exec(stdout)?.[1] ?? 0),
    },
  ];
  const baseline = () => Number(spawnSync(target, [String(calls)], { encoding: "utf8" }).stdout.trim()) / calls;
  const baselines: number[] = [];
  const failures = new Map<string, string>();
  const perTool = new Map(tools.map((t) => [t.name, [] as {
    attachedMs: number; kernel: number; loop: number; base: number; total: number; returns: number;
    rss: number; size: { xlated: number; jited: number };
  }[]]));
  for (let run = 0; run < runs; run++) {
    for (const tool of tools) {
      const base = baseline();
      baselines.push(base);
      attempt(tool.name, failures, () => {
        const result = requireAttached(tool.name, clock(probeClock, tool.command, {
          progType: KPROBE, triggerCmd: `${target} 1`, workload: `${target} ${calls}`, holdMs: 200,
        }));
        const kprobes = result.programs.filter((p) => p.type === KPROBE);
        perTool.get(tool.name)!.push({
          attachedMs: result.attachedNs / 1e6,
          kernel: nsPerEvent(result.programs, KPROBE),
          loop: Number(result.workloadOut.trim()) / calls,
          base,
          total: tool.total(result.stdout),
          // The uretprobe runs once per return, the same count as the entry probe.
          returns: Math.min(...kprobes.map((p) => p.runCnt)),
          rss: result.hwmKb / 1024,
          size: programSize(result.programs, KPROBE),
        });
      });
    }
    console.error(`uprobe: run ${run + 1}/${runs} done`);
  }
  const rows = tools.map((tool): UprobeRow => {
    const list = perTool.get(tool.name)!;
    const last = list.at(-1);
    return {
      tool: tool.name,
      error: failures.get(tool.name),
      attachedMs: median(list.map((r) => r.attachedMs)),
      kernelNsPerCall: median(list.map((r) => r.kernel)),
      xlatedInsns: last?.size.xlated ?? NaN,
      jitedBytes: last?.size.jited ?? NaN,
      loopNsPerCall: median(list.map((r) => r.loop)),
      slowdown: median(list.map((r) => r.loop / r.base)),
      histogramTotal: last?.total ?? NaN,
      returns: last?.returns ?? NaN,
      peakRssMb: median(list.map((r) => r.rss)),
    };
  });
  return { runs, calls, baselineNsPerCall: median(baselines), rows };
}
