/**
 * The startup suite: a per-pid openat() counter (probes/count_openat.{ts,bt,bpf.c}) started by
 * `tsbpf run` from source, from a built artifact, and from the artifact while exporting OTLP to
 * a local receiver; by bpftrace; and by a libbpf C loader. For each: the time from process
 * start until the probe has really run (probe_clock), the process's peak RSS, and the loaded
 * program's size as the kernel reports it. Then compile time alone: `tsbpf build`, the
 * compiler called in-process (warm), clang -O2, and bpftrace --emit-elf.
 *
 * Runs are interleaved across the tools, so a noisy moment hurts them all alike.
 */
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import {
  attempt, buildArtifact, buildBpf, bin, clock, type ClockResult, median, out, programSize,
  requireAttached, root, setting, tsbpf,
} from "./tools.ts";

/** One way of starting the counter, and its medians. */
export interface StartupRow {
  tool: string;
  /** Why a run failed, if one did (the figures are of the runs that worked). */
  error?: string;
  /** Median ms from process start to the probe having run. */
  attachedMs: number;
  attachedRunsMs: number[];
  /** Median CPU ms the tool's threads had used by then. */
  attachedCpuMs: number;
  /** Median peak RSS (VmHWM) of the tool's process, MB. */
  peakRssMb: number;
  xlatedInsns: number;
  jitedBytes: number;
}

export interface CompileRow {
  tool: string;
  /** Median wall ms of the compile step alone. */
  ms: number;
  what: string;
}

export interface StartupResults {
  runs: number;
  rows: StartupRow[];
  compile: CompileRow[];
  otlpExports: number;
}

const TRACEPOINT = 5;
const OTLP_PORT = 14318;

export async function runStartup(libbpfLoader: string, probeClock: string): Promise<StartupResults> {
  const runs = setting("BENCH_STARTUP_RUNS", 7);
  const probes = join(root, "bench", "runtime", "probes");
  const source = join(probes, "count_openat.ts");
  const artifact = join(out, "runtime", "count_openat.tsbpf");
  const object = join(out, "runtime", "count_openat.bpf.o");
  buildArtifact(source, artifact);
  buildBpf(join(probes, "count_openat.bpf.c"), object);

  const sink = spawn(join(bin, "bun"), [join(root, "bench", "runtime", "otlp_sink.ts"), String(OTLP_PORT)],
    { stdio: ["ignore", "pipe", "pipe"] });
  let sinkOutput = "";
  sink.stdout.on("data", (chunk) => { sinkOutput += chunk; });
  await new Promise((resolve) => sink.stderr.once("data", resolve));

  const tools: { name: string; command: string[]; holdMs: number; env?: Record<string, string> }[] = [
    { name: "tsbpf run probe.ts (Bun)", command: [tsbpf, "run", source], holdMs: 300 },
    { name: "tsbpf run probe.tsbpf (Bun)", command: [tsbpf, "run", artifact], holdMs: 300 },
    {
      name: "tsbpf run probe.tsbpf --otlp (Bun, exporting every 250 ms)",
      command: [tsbpf, "run", artifact, "--otlp", `http://127.0.0.1:${OTLP_PORT}`],
      holdMs: 1500, env: { OTEL_METRIC_EXPORT_INTERVAL: "250" },
    },
    { name: "bpftrace", command: ["bpftrace", join(probes, "count_openat.bt")], holdMs: 300 },
    { name: "libbpf C loader", command: [libbpfLoader, object], holdMs: 300 },
  ];
  const results = new Map<string, ClockResult[]>(tools.map((t) => [t.name, []]));
  const failures = new Map<string, string>();
  try {
    for (let run = 0; run < runs; run++) {
      for (const tool of tools) {
        attempt(tool.name, failures, () => {
          const result = clock(probeClock, tool.command,
            { progType: TRACEPOINT, trigger: "openat", holdMs: tool.holdMs, env: tool.env });
          results.get(tool.name)!.push(requireAttached(tool.name, result));
        });
      }
      console.error(`startup: run ${run + 1}/${runs} done`);
    }
  } finally {
    sink.kill("SIGTERM");
    await new Promise((resolve) => sink.once("exit", resolve));
  }
  const rows = tools.map((tool): StartupRow => {
    const list = results.get(tool.name)!;
    const size = programSize(list.at(-1)?.programs ?? [], TRACEPOINT);
    return {
      tool: tool.name,
      error: failures.get(tool.name),
      attachedMs: median(list.map((r) => r.attachedNs / 1e6)),
      attachedRunsMs: list.map((r) => Math.round(r.attachedNs / 1e4) / 100),
      attachedCpuMs: median(list.map((r) => r.attachedCpuNs / 1e6)),
      peakRssMb: median(list.map((r) => r.hwmKb / 1024)),
      xlatedInsns: size.xlated,
      jitedBytes: size.jited,
    };
  });
  const otlpExports = Number(/exports (\d+)/.exec(sinkOutput)?.[1] ?? 0);
  return { runs, rows, compile: await compileTimes(source, object, probes), otlpExports };
}

/** Compile time alone, medians of a few runs of each. */
async function compileTimes(source: string, object: string, probes: string): Promise<CompileRow[]> {
  const runs = setting("BENCH_COMPILE_RUNS", 5);
  const times = (fn: () => number) => median(Array.from({ length: runs }, fn));
  const scratch = join(out, "runtime", "compile_scratch");
  const { compile } = await import("@ts-bpf/compiler");
  const { readFileText, tracepointFormat } = await import("@ts-bpf/loader");
  const text = readFileText(source);
  const format = (name: string) => tracepointFormat(name);
  compile({ file: source, source: text, tracepointFormat: format }); // warm the JIT once
  const warm = median(Array.from({ length: 20 }, () => {
    const started = performance.now();
    const result = compile({ file: source, source: text, tracepointFormat: format });
    if (!result.artifact) throw new Error(result.rendered());
    return performance.now() - started;
  }));
  const bpftraceElf = () => {
    const started = performance.now();
    const result = spawnSync("bpftrace", ["--emit-elf", `${scratch}.bt.o`, join(probes, "count_openat.bt")],
      { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`bpftrace --emit-elf failed: ${result.stderr}`);
    return performance.now() - started;
  };
  return [
    { tool: "tsbpf build (new process: Bun start, compile, bundle userspace)",
      ms: times(() => buildArtifact(source, `${scratch}.tsbpf`)), what: "probe.ts → .tsbpf" },
    { tool: "tsbpf compile() in-process, warm", ms: warm, what: "probe.ts → ELF object" },
    { tool: "clang -O2 -target bpf", ms: times(() => buildBpf(join(probes, "count_openat.bpf.c"), object)),
      what: "probe.bpf.c → ELF object" },
    { tool: "bpftrace --emit-elf", ms: times(bpftraceElf), what: "probe.bt → ELF object (dry run)" },
  ];
}
