/**
 * Renders the benchmark results as markdown: the headline ratios against bpftrace (the runtime
 * targets of issue 4 beside them), then one table per suite, then the other suites' own tables
 * as they printed them. Pure formatting: it measures nothing.
 */
import type { StartupResults } from "./runtime/startup.ts";
import type { UprobeResults } from "./corpus/uprobe_bench.ts";
import type { EventsResults, EventsRow, EventsWorkloadResults } from "./corpus/events_bench.ts";

export interface ExternalSuite {
  name: string;
  /** What its run.sh printed on stdout (its own table). */
  output: string;
  seconds: number;
  error?: string;
}

export interface BenchResults {
  generatedAt: string;
  machine: { kernel: string; cpus: number; versions: Record<string, string> };
  seconds: number;
  startup?: StartupResults;
  uprobe?: UprobeResults;
  events?: EventsResults;
  suites: ExternalSuite[];
}

const f = (n: number, digits = 0) => Number.isFinite(n)
  ? n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
  : "–";
const ratio = (n: number) => `${f(n, n < 10 ? 2 : 0)}×`;

/** The tool's name, with why it failed when a run did. */
const named = (r: { tool: string; error?: string }) => r.error ? `${r.tool} (failed: ${r.error.replaceAll("|", "/")})` : r.tool;

function table(head: string[], rows: string[][]): string {
  return [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

/** One headline per target: the figure, bpftrace's in the same run, the ratio, met or not. */
export function headlines(results: BenchResults): string[] {
  const lines: string[] = [];
  const s = results.startup;
  const bt = s?.rows.find((r) => r.tool === "bpftrace");
  const row = (prefix: string) => s?.rows.find((r) => r.tool.startsWith(prefix));
  const mark = (met: boolean) => (met ? "met" : "missed");
  if (s && bt) {
    const source = row("tsbpf run probe.ts")!;
    const artifact = row("tsbpf run probe.tsbpf (Bun)")!;
    const exporting = row("tsbpf run probe.tsbpf --otlp")!;
    const cpu = (r: typeof bt) => `CPU ${f(r.attachedCpuMs)} ms vs ${f(bt.attachedCpuMs)} ms, ` +
      ratio(r.attachedCpuMs / bt.attachedCpuMs);
    lines.push(`Start to attached from source: ${f(source.attachedMs)} ms vs bpftrace ${f(bt.attachedMs)} ms ` +
      `(${ratio(source.attachedMs / bt.attachedMs)}; ${cpu(source)}; target ≤ 1×: ` +
      `${mark(source.attachedMs <= bt.attachedMs)})`);
    lines.push(`Start to attached from an artifact: ${f(artifact.attachedMs)} ms ` +
      `(${ratio(artifact.attachedMs / bt.attachedMs)} of bpftrace; ${cpu(artifact)}; target ≤ 0.5×: ` +
      `${mark(artifact.attachedMs <= bt.attachedMs / 2)})`);
    lines.push(`Peak RSS while exporting OTLP: ${f(exporting.peakRssMb, 1)} MB vs bpftrace ` +
      `${f(bt.peakRssMb, 1)} MB (${ratio(exporting.peakRssMb / bt.peakRssMb)}; target < 60 MB: ` +
      `${mark(exporting.peakRssMb < 60)})`);
  }
  const e = results.events;
  const printf = e?.rows.find((r) => r.tool.startsWith("bpftrace"));
  const bun = e?.rows.find((r) => r.tool.includes("(Bun)"));
  if (e && printf && bun) {
    lines.push(`Records to a JS callback (Bun): ${f(bun.deliveredPerSecond / 1e6, 2)} M/s vs bpftrace printf ` +
      `${f(printf.deliveredPerSecond / 1e3)} k/s (${ratio(bun.deliveredPerSecond / printf.deliveredPerSecond)}), ` +
      `${f(bun.lost)} of ${f(bun.expected)} lost (target ≥ 50× with none lost: ` +
      `${mark(bun.deliveredPerSecond >= 50 * printf.deliveredPerSecond && bun.lost === 0)})`);
  }
  const b = e?.burst;
  const burstBun = b?.rows.find((r) => r.tool.includes("(Bun)"));
  const burstPrintf = b?.rows.find((r) => r.tool.startsWith("bpftrace"));
  if (b && burstBun && printf) {
    // The target's reference is bpftrace's printf rate, measured in the one-record workload.
    const times = burstBun.deliveredPerSecond / printf.deliveredPerSecond;
    lines.push(`Records to a JS callback, ${b.recordsPerCall} per call (Bun): ` +
      `${f(burstBun.deliveredPerSecond / 1e6, 2)} M/s, ${ratio(times)} bpftrace printf's rate with one record per ` +
      `call${burstPrintf ? ` (${ratio(burstBun.deliveredPerSecond / burstPrintf.deliveredPerSecond)} its rate ` +
        `with ${b.recordsPerCall} per call)` : ""}, ${f(burstBun.lost)} of ${f(burstBun.expected)} lost ` +
      `(target ≥ 50× with none lost: ${mark(times >= 50 && burstBun.lost === 0)})`);
  }
  const u = results.uprobe;
  const ut = u?.rows.find((r) => r.tool.startsWith("tsbpf"));
  const ub = u?.rows.find((r) => r.tool === "bpftrace");
  const uc = u?.rows.find((r) => r.tool.startsWith("libbpf"));
  if (ut && ub && uc) {
    lines.push(`Uprobe latency histogram, kernel ns per call (entry + return): tsbpf ${f(ut.kernelNsPerCall)}, ` +
      `bpftrace ${f(ub.kernelNsPerCall)} (${ratio(ut.kernelNsPerCall / ub.kernelNsPerCall)}), ` +
      `clang ${f(uc.kernelNsPerCall)} (${ratio(ut.kernelNsPerCall / uc.kernelNsPerCall)})`);
  }
  return lines;
}

/**
 * The burst workload's table: the same tools, BURST records per call, a stream several times
 * faster than the one-record loop can make. Two ratios, since issue 4's reference is "bpftrace's
 * printf rate": against bpftrace printf in this workload, and against its rate with one record
 * per call (`oneRecord`, the table above).
 */
function burstSection(b: EventsWorkloadResults, oneRecord: EventsRow | undefined): string {
  const printf = b.rows.find((r) => r.tool.startsWith("bpftrace"));
  return `## ${b.recordsPerCall} events per getppid() to userspace (${b.runs} runs)\n\n` +
    `The same loop and tools, but each call emits ${b.recordsPerCall} records from a bounded loop in the probe ` +
    "(bench/corpus/getppid_burst.*), so the traced loop's syscall path no longer caps the stream: a consumer " +
    "that keeps up delivers what the probe makes, one that cannot sets the rate and loses the rest. " +
    `The loop costs ${f(b.baselineNsPerCall)} ns per call with no probe, the ring is ` +
    `${f(b.ringBytes / 1048576)} MiB in the tsbpf and C versions. Delivered = records that reached userspace / ` +
    "the loop's time. *vs printf, same workload*: against bpftrace printf in this table; *vs printf, one " +
    "record*: against bpftrace printf in the table above (the reference of issue 4, \"bpftrace's printf rate\"). " +
    "Kernel ns are per call (the whole burst).\n\n" + table(
      ["tool", "calls per run", "records per run", "delivered", "vs printf, same workload", "vs printf, one record",
        "lost / expected", "loop ns/call", "slowdown", "kernel ns/call", "xlated insns", "peak RSS (MB)"],
      b.rows.map((r) => [named(r), f(r.calls), f(r.calls * b.recordsPerCall),
        `${f(r.deliveredPerSecond / 1e6, 2)} M/s`,
        printf ? ratio(r.deliveredPerSecond / printf.deliveredPerSecond) : "–",
        oneRecord ? ratio(r.deliveredPerSecond / oneRecord.deliveredPerSecond) : "–",
        `${f(r.lost)} / ${f(r.expected)}${r.lossyRuns ? ` (in ${r.lossyRuns} of ${b.runs} runs)` : ""}`,
        f(r.loopNsPerCall), ratio(r.slowdown), f(r.kernelNsPerEvent), f(r.xlatedInsns), f(r.peakRssMb, 1)]));
}

export function markdown(results: BenchResults): string {
  const parts: string[] = [];
  const date = results.generatedAt.slice(0, 16).replace("T", " ");
  parts.push(`# Benchmark results\n\nLatest run: ${date} UTC, Linux ${results.machine.kernel}, ` +
    `${results.machine.cpus} CPUs, ${f(results.seconds / 60, 1)} minutes (\`npm run bench\`). ` +
    `Versions: ${Object.entries(results.machine.versions).map(([k, v]) => `${k} ${v}`).join(", ")}.\n\n` +
    "Medians of several runs; ratios are against the reference measured in the same run. " +
    "kernel.bpf_stats_enabled is 1 during these suites (it adds the same few ns to every tool's programs).");
  const heads = headlines(results);
  if (heads.length) parts.push(`## Headlines\n\n${heads.map((l) => `- ${l}`).join("\n")}`);

  const s = results.startup;
  if (s) {
    const bt = s.rows.find((r) => r.tool === "bpftrace");
    parts.push(`## Start to attached — per-pid openat() counter (${s.runs} runs each)\n\n` +
      "From process start until the probe has really run (the program's run count, read by " +
      "`bench/runtime/probe_clock`); *CPU by then* is the CPU time all the tool's threads had used at " +
      "that moment, which a busy machine inflates less than the wall time. Peak RSS is the tool's VmHWM.\n\n" + table(
        ["tool", "to attached (ms)", "vs bpftrace", "all runs (ms)", "CPU by then (ms)", "CPU vs bpftrace",
          "peak RSS (MB)", "xlated insns", "jited bytes"],
        s.rows.map((r) => [named(r), f(r.attachedMs, 1), bt ? ratio(r.attachedMs / bt.attachedMs) : "–",
          r.attachedRunsMs.map((v) => f(v)).join(" "), f(r.attachedCpuMs, 1),
          bt ? ratio(r.attachedCpuMs / bt.attachedCpuMs) : "–", f(r.peakRssMb, 1), f(r.xlatedInsns),
          f(r.jitedBytes)])) +
      `\n\nThe OTLP row exported ${s.otlpExports} times to a local receiver over all its runs.`);
    parts.push("## Compile time alone — the same counter\n\n" + table(["step", "what", "ms"],
      s.compile.map((c) => [c.tool, c.what, f(c.ms, 1)])));
  }
  const u = results.uprobe;
  if (u) {
    parts.push(`## Uprobe + uretprobe latency histogram on a C function (${u.calls.toLocaleString("en-US")} ` +
      `calls, ${u.runs} runs)\n\nThe loop costs ${f(u.baselineNsPerCall)} ns per call with no probe.\n\n` + table(
        ["tool", "to attached (ms)", "kernel ns/call (entry + return)", "xlated insns", "jited bytes",
          "loop ns/call", "slowdown", "histogram total / returns", "peak RSS (MB)"],
        u.rows.map((r) => [named(r), f(r.attachedMs, 1), f(r.kernelNsPerCall), f(r.xlatedInsns), f(r.jitedBytes),
          f(r.loopNsPerCall), ratio(r.slowdown), `${f(r.histogramTotal)} / ${f(r.returns)}`, f(r.peakRssMb, 1)])));
  }
  const e = results.events;
  const printf = e?.rows.find((r) => r.tool.startsWith("bpftrace"));
  if (e && e.rows.length > 0) {
    parts.push(`## An event per getppid() to userspace (${e.runs} runs)\n\nA C loop of getppid() calls on ` +
      `one CPU, the tool on the other; the loop costs ${f(e.baselineNsPerCall)} ns per call with no probe. ` +
      "Delivered = records that reached userspace / the loop's time. The ringbuf suite (below) runs the " +
      "loader's reader alone, with a raw callback and no decoding, on the same kind of loop.\n\n" + table(
        ["tool", "calls per run", "delivered", "vs bpftrace printf", "lost / expected", "loop ns/call",
          "slowdown", "kernel ns/event", "xlated insns", "peak RSS (MB)"],
        e.rows.map((r) => [named(r), f(r.calls), `${f(r.deliveredPerSecond / 1e3)} k/s`,
          printf ? ratio(r.deliveredPerSecond / printf.deliveredPerSecond) : "–",
          `${f(r.lost)} / ${f(r.expected)}`, f(r.loopNsPerCall), ratio(r.slowdown), f(r.kernelNsPerEvent),
          f(r.xlatedInsns), f(r.peakRssMb, 1)])));
  }
  const b = e?.burst;
  if (b) parts.push(burstSection(b, printf));
  for (const suite of results.suites) {
    const text = suite.output.trim();
    // A suite that prints a markdown table is kept as markdown; plain text keeps its layout.
    const shown = /^\|/m.test(text) ? text : "```text\n" + text + "\n```";
    const body = suite.error ? `Failed: ${suite.error}${text ? `\n\n${shown}` : ""}` : text ? shown : "(no output)";
    parts.push(`## ${suite.name} (bench/${suite.name}/, ${f(suite.seconds)} s)\n\n${body}`);
  }
  return parts.join("\n\n") + "\n";
}
