/**
 * The compiler benchmark: the same probes written three ways (tsbpf, bpftrace, C with
 * clang -O2), compared on this machine in one run. The probes (the benchmark corpus and the
 * example probes in examples/) and their workloads are listed in probe_list.ts. For each:
 * compile time in a fresh process (median of COMPILE_RUNS, or the probe's own count; for tsbpf
 * `tsbpf build --emit-elf`, the CLI as installed), xlated instructions as the kernel reports
 * them (summed over the probe's programs), and ns per event from the kernel's BPF stats
 *  (run_time_ns / run_cnt per program over a workload run by workload.c, summed over the probe's
 * programs but those that ran under 1% as often as its busiest; median of at least MEASURE_RUNS rounds, or the probe's own count; tsbpf's and
 * clang's objects are measured side by side, see measureProbe).
 * Prints a markdown table with ratios of tsbpf to the better reference, and writes results.json
 * next to this file.
 *
 * Every program must run in every measured round; one that does not is reported on stderr (it
 * would add 0 ns), and each program's run count in the last round is kept in results.json.
 *
 * A probe whose tsbpf program does work the plain C reference leaves out (exec_events counts the
 * records a full ring buffer refuses, as bpftrace does) also has a second C reference doing
 * that work the same way, `<probe>_counting_drops.bpf.c`, measured as its own row
 * ("clang, counting drops") beside the plain one, and a tsbpf version that does not count them
 * either (`<probe>_uncounted.ts`, a RingBuf with countLost: false: "tsbpf, countLost: false"),
 * so both like-for-like comparisons are shown. The example
 * probes' C references count drops themselves: each does the same kernel-side work as its
 * example (same maps, same record fields, same filtering).
 *
 * `--only a,b` measures only the probes named (results.json then holds only those).
 * `--baseline DIR` also measures the compiler in DIR (another checkout's `compiler/`), as
 * "tsbpf-baseline", for before/after figures. Needs root, cc, clang, bpftool and bpftrace.
 * Not a test: nothing here fails on a slow result.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { closeFd, enableStats, kernelRelease, onlineCpus } from "@ts-bpf/loader";
import { FROM_BUNDLE, requireCurrentBundle, sourcesNewerThanBundle } from "./cli_bundle.ts";
import { type Probe, PROBES } from "./probe_list.ts";
import { bpftraceSession, loaderSession, type ProgramFigures, type Session } from "./sessions.ts";
import { Workload } from "./workload.ts";

const COMPILE_RUNS = 7;
const MEASURE_RUNS = 9;
const WARMUP_EVENTS = 2_000;

const HERE = new URL(".", import.meta.url).pathname;
const ROOT = new URL("../..", import.meta.url).pathname;
const OUT = `${ROOT}bench/out/compiler/`;
const BUN = `${ROOT}node_modules/.bin/bun`;
const TSBPF = `${ROOT}runtime/bin/tsbpf`;
const CLANG_FLAGS = ["-O2", "-g", "-target", "bpf", "-I/usr/include/x86_64-linux-gnu"];

type Implementation = "tsbpf" | "tsbpf, same object again" | "tsbpf, countLost: false" | "tsbpf-baseline" | "clang" |
  "clang, counting drops" |
  "bpftrace";

/** A file-name-safe form of an implementation's name. */
const slug = (impl: Implementation) => impl.replace(/[^a-z0-9-]+/g, "-");

interface ProgramRun {
  name: string;
  xlatedInsns: number;
  runs: number;
}

interface Result {
  probe: string;
  implementation: Implementation;
  compileMs: { median: number; runs: number[] };
  xlatedInsns: number;
  /** Each program's size, and how many times it ran in the last measured round. */
  programs: ProgramRun[];
  nsPerEvent: { median: number; runs: number[] };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const out = spawnSync(command, args, { encoding: "utf8", env: { ...process.env, ...env } });
  if (out.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${out.stderr}${out.stdout}`);
}

/** Wall time of a command in a fresh process, in ms. */
function timed(command: string, args: string[], env: Record<string, string> = {}): number {
  const start = performance.now();
  run(command, args, env);
  return performance.now() - start;
}

function compileCommand(probe: Probe, impl: Implementation, baseline?: string): { cmd: string; args: string[];
  env?: Record<string, string>; out: string } {
  const base = `${HERE}probes/${probe.name}`;
  const out = `${OUT}${probe.name}.${slug(impl)}.o`;
  switch (impl) {
    // The command a user runs, as bpftrace --emit-elf and clang -c are.
    case "tsbpf": return { cmd: TSBPF, args: ["build", probe.source, "--emit-elf", out], env: FROM_BUNDLE, out };
    case "tsbpf, same object again": return compileCommand(probe, "tsbpf");
    case "tsbpf, countLost: false":
      return { cmd: TSBPF, args: ["build", `${base}_uncounted.ts`, "--emit-elf", out], env: FROM_BUNDLE, out };
    case "tsbpf-baseline":
      return { cmd: BUN, args: [`${HERE}compile_probe.ts`, probe.source, out, baseline!], out };
    case "clang": return { cmd: "clang", args: [...CLANG_FLAGS, "-c", `${base}.bpf.c`, "-o", out], out };
    case "clang, counting drops":
      return { cmd: "clang", args: [...CLANG_FLAGS, "-c", `${base}_counting_drops.bpf.c`, "-o", out], out };
    case "bpftrace":
      return { cmd: "bpftrace", args: ["--emit-elf", out, `${base}.bt`], env: probe.bpftraceEnv, out };
  }
}

/** Attaches one implementation's probe: bpftrace runs its script, the others load their object. */
function openSession(probe: Probe, impl: Implementation, object: string): Promise<Session> | Session {
  return impl === "bpftrace"
    ? bpftraceSession(`${HERE}probes/${probe.name}.bt`, probe.bpftracePrograms, probe.bpftraceEnv,
      probe.bpftraceProgramType)
    // A copy: the loader reads the bytes from offset 0 of the buffer, which a pooled Buffer is not.
    : loaderSession(new Uint8Array(readFileSync(object)), `${probe.name}.${slug(impl)}.o`, probe.sampleHz);
}

/**
 * Measures the implementations of `probe` loaded with our loader (tsbpf, clang) side by side:
 * each round attaches all of them to the same tracepoints and runs one workload, so they see the
 * same events under the same machine load, and each program's run time is its own (bpf_stats per
 * program). Programs on one tracepoint run in attach order, and a program pays for the caches
 * the one before it left cold, so the order rotates through whole cycles, forwards and then
 * backwards, giving each implementation every place and two different predecessors. bpftrace is
 * measured in rounds of its own: its program is twenty times longer (printf through a perf
 * buffer) and whichever program followed it paid ~15% more. (Measured one after another, the
 * same instruction stream came out 6% apart between runs.)
 */
async function measureProbe(probe: Probe, impls: Implementation[], workload: Workload,
  baseline?: string): Promise<Result[]> {
  const compileRuns = probe.compileRuns ?? COMPILE_RUNS;
  const measureRuns = probe.measureRuns ?? MEASURE_RUNS;
  const builds = impls.map((impl) => {
    // tsbpf's own object loaded a second time: how far apart one program measures from itself.
    if (impl === "tsbpf, same object again") {
      return { impl, object: compileCommand(probe, "tsbpf").out, compileRuns: [] as number[] };
    }
    const c = compileCommand(probe, impl, baseline);
    process.stderr.write(`${probe.name}: compiling with ${impl}…\n`);
    return { impl, object: c.out, compileRuns: Array.from({ length: compileRuns }, () => round(timed(c.cmd, c.args, c.env))) };
  });
  const runs = builds.map(() => [] as number[]);
  const programs: ProgramRun[][] = builds.map(() => []);
  const together = builds.map((_, k) => k).filter((k) => builds[k]!.impl !== "bpftrace");
  const alone = builds.map((_, k) => k).filter((k) => builds[k]!.impl === "bpftrace");
  const n = together.length;
  const cycles = Math.max(2, 2 * Math.ceil(measureRuns / (2 * n)));
  for (let r = 0; r < cycles * n; r++) {
    const forward = together.map((_, i) => together[(i + r) % n]!);
    await measureRound(probe, builds, Math.floor(r / n) % 2 === 0 ? forward : forward.reverse(), workload, runs,
      programs);
  }
  for (const k of alone) {
    for (let r = 0; r < measureRuns; r++) await measureRound(probe, builds, [k], workload, runs, programs);
  }
  return builds.map((b, k) => ({
    probe: probe.name, implementation: b.impl,
    compileMs: { median: b.compileRuns.length ? round(median(b.compileRuns)) : NaN, runs: b.compileRuns },
    xlatedInsns: programs[k]!.reduce((sum, p) => sum + p.xlatedInsns, 0), programs: programs[k]!,
    nsPerEvent: { median: round(median(runs[k]!)), runs: runs[k]! },
  }));
}

/** One round: attach the implementations `order` lists, in that order, and run one workload. */
async function measureRound(probe: Probe, builds: { impl: Implementation; object: string }[],
  order: number[], workload: Workload, runs: number[][], programs: ProgramRun[][]): Promise<void> {
  const sessions = new Map<number, Session>();
  try {
    for (const k of order) sessions.set(k, await openSession(probe, builds[k]!.impl, builds[k]!.object));
    // Warm up, and make sure every program is attached and counting before measuring.
    for (let i = 0; [...sessions.values()].some((s) => s.figures().some((f) => f.runCount === 0n)); i++) {
      if (i === 50) throw new Error(`${probe.name}: a program never ran`);
      await workload.run(probe.workload, probe.warmupEvents ?? WARMUP_EVENTS);
    }
    const before = new Map([...sessions].map(([k, s]) => [k, s.figures()]));
    await workload.run(probe.workload, probe.events);
    for (const [k, session] of sessions) {
      const after = session.figures();
      const earlier = (f: ProgramFigures) => before.get(k)!.find((b) => b.name === f.name)!;
      // A program that ran under 1% as often as the probe's busiest one (runqlat's
      // sched_wakeup_new: twice a round) is left out of the sum: its few runs cost mostly cold
      // caches, and one of them could move the sum by 10%. The same rule holds for every
      // implementation.
      const counts = after.map((f) => f.runCount - earlier(f).runCount);
      const busiest = counts.reduce((a, b) => (b > a ? b : a), 0n);
      runs[k]!.push(round(after.reduce((sum, f, i) => counts[i]! * 100n < busiest ? sum : sum + perEvent(earlier(f), f), 0)));
      programs[k] = after.map((f) => ({ name: f.name, xlatedInsns: f.xlatedInsns,
        runs: Number(f.runCount - earlier(f).runCount) }));
      // A program that did not run in the measured round adds 0 ns: say so rather than hide it.
      for (const p of programs[k]!.filter((p) => p.runs === 0)) {
        process.stderr.write(`${probe.name}: warning: ${builds[k]!.impl}'s program ${p.name} did not run in this round\n`);
      }
    }
  } finally {
    for (const session of sessions.values()) await session.close();
  }
  process.stderr.write(`${probe.name}: ${order.map((k) => builds[k]!.impl).join(", ")}\n`);
}

function perEvent(before: ProgramFigures, after: ProgramFigures): number {
  const count = after.runCount - before.runCount;
  return count === 0n ? 0 : Number(after.runTimeNs - before.runTimeNs) / Number(count);
}

interface Ratio {
  probe: string;
  /** tsbpf ÷ the better of clang and bpftrace (below 1: tsbpf is better). */
  insnsVsBest: number;
  nsVsBest: number;
  insnsVsClang: number;
  insnsVsBpftrace: number;
  nsVsClang: number;
  nsVsBpftrace: number;
  compileVsClang: number;
  compileVsBpftrace: number;
  /** Against the C reference that counts drops too, for probes that have one. */
  insnsVsClangCountingDrops?: number;
  nsVsClangCountingDrops?: number;
  /** tsbpf not counting drops (countLost: false) against the plain C reference, which does not either. */
  uncountedInsnsVsClang?: number;
  uncountedNsVsClang?: number;
}

function ratios(results: Result[], probes: Probe[]): Ratio[] {
  return probes.map((p) => {
    const of = (impl: Implementation) => results.find((r) => r.probe === p.name && r.implementation === impl)!;
    const [t, c, b] = [of("tsbpf"), of("clang"), of("bpftrace")];
    const r3 = (x: number) => round(x, 3);
    const d = p.clangCountingDrops ? of("clang, counting drops") : undefined;
    const u = p.clangCountingDrops ? of("tsbpf, countLost: false") : undefined;
    return {
      probe: p.name,
      insnsVsBest: r3(t.xlatedInsns / Math.min(c.xlatedInsns, b.xlatedInsns)),
      nsVsBest: r3(t.nsPerEvent.median / Math.min(c.nsPerEvent.median, b.nsPerEvent.median)),
      insnsVsClang: r3(t.xlatedInsns / c.xlatedInsns), insnsVsBpftrace: r3(t.xlatedInsns / b.xlatedInsns),
      nsVsClang: r3(t.nsPerEvent.median / c.nsPerEvent.median),
      nsVsBpftrace: r3(t.nsPerEvent.median / b.nsPerEvent.median),
      compileVsClang: r3(t.compileMs.median / c.compileMs.median),
      compileVsBpftrace: r3(t.compileMs.median / b.compileMs.median),
      ...(d ? { insnsVsClangCountingDrops: r3(t.xlatedInsns / d.xlatedInsns),
        nsVsClangCountingDrops: r3(t.nsPerEvent.median / d.nsPerEvent.median) } : {}),
      ...(u ? { uncountedInsnsVsClang: r3(u.xlatedInsns / c.xlatedInsns),
        uncountedNsVsClang: r3(u.nsPerEvent.median / c.nsPerEvent.median) } : {}),
    };
  });
}

function table(results: Result[], rs: Ratio[]): string {
  const lines = [
    "| probe | implementation | compile (ms) | xlated insns | ns/event |",
    "|---|---|---:|---:|---:|",
    ...results.map((r) => `| ${r.probe} | ${r.implementation} | ${Number.isNaN(r.compileMs.median) ? "–" : r.compileMs.median} | ${r.xlatedInsns} | ` +
      `${r.nsPerEvent.median} |`),
    "",
    "Ratios, tsbpf ÷ reference (below 1 is better than the reference; \"best\" is the better of clang and bpftrace):",
    "",
    "| probe | insns ÷ best | ns ÷ best | insns ÷ clang | insns ÷ bpftrace | ns ÷ clang | ns ÷ bpftrace | " +
      "compile ÷ clang | compile ÷ bpftrace | insns ÷ clang counting drops | ns ÷ clang counting drops |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rs.map((r) => `| ${r.probe} | ${r.insnsVsBest} | ${r.nsVsBest} | ${r.insnsVsClang} | ${r.insnsVsBpftrace} | ` +
      `${r.nsVsClang} | ${r.nsVsBpftrace} | ${r.compileVsClang} | ${r.compileVsBpftrace} | ` +
      `${r.insnsVsClangCountingDrops ?? "–"} | ${r.nsVsClangCountingDrops ?? "–"} |`),
    "",
    "\"clang, counting drops\": the C reference also counting the records a full ring buffer refuses, " +
      "as tsbpf and bpftrace do (the plain clang row does not count them).",
    ...rs.filter((r) => r.uncountedInsnsVsClang !== undefined).map((r) => `${r.probe}, neither counting drops ` +
      `("tsbpf, countLost: false" ÷ plain clang): insns ${r.uncountedInsnsVsClang}, ns ${r.uncountedNsVsClang}.`),
    "",
    "\"tsbpf, same object again\": tsbpf's object loaded a second time in the same rounds; how far it " +
      "lands from the tsbpf row is this run's resolution.",
  ];
  return lines.join("\n");
}

async function main(): Promise<void> {
  const at = process.argv.indexOf("--baseline");
  const baseline = at >= 0 ? process.argv[at + 1] : undefined;
  const only = process.argv.indexOf("--only");
  const names = only >= 0 ? process.argv[only + 1]!.split(",") : undefined;
  const unknown = names?.filter((n) => !PROBES.some((p) => p.name === n)) ?? [];
  if (unknown.length) throw new Error(`--only: no probe ${unknown.join(", ")} (see probe_list.ts)`);
  const probes = names ? PROBES.filter((p) => names.includes(p.name)) : PROBES;
  if (process.getuid?.() !== 0) throw new Error("the compiler benchmark needs root (it loads BPF programs)");
  const packages: Record<string, string> = { cc: "gcc", taskset: "util-linux", script: "util-linux" };
  for (const tool of ["cc", "clang", "bpftool", "bpftrace", "taskset", "script"]) {
    if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) {
      throw new Error(`the compiler benchmark needs '${tool}' (apt-get install -y ${packages[tool] ?? tool})`);
    }
  }
  requireCurrentBundle();
  mkdirSync(OUT, { recursive: true });
  const workload = Workload.build(OUT);
  const implementations = (probe: Probe): Implementation[] => ["tsbpf",
    "tsbpf, same object again" as const,
    ...(probe.clangCountingDrops ? ["tsbpf, countLost: false" as const] : []),
    ...(baseline ? ["tsbpf-baseline" as const] : []), "clang",
    ...(probe.clangCountingDrops ? ["clang, counting drops" as const] : []), "bpftrace"];
  const statsFd = enableStats();
  const started = performance.now();
  const results: Result[] = [];
  try {
    for (const probe of probes) results.push(...await measureProbe(probe, implementations(probe), workload, baseline));
  } finally {
    closeFd(statsFd);
  }
  const rs = ratios(results, probes);
  const report = {
    date: new Date().toISOString(), kernel: kernelRelease(), cpus: onlineCpus().length,
    settings: { compileRuns: COMPILE_RUNS, measureRuns: MEASURE_RUNS, clangFlags: CLANG_FLAGS.join(" "),
      bpftrace: spawnSync("bpftrace", ["--version"], { encoding: "utf8" }).stdout.trim(),
      events: Object.fromEntries(probes.map((p) => [p.name, { workload: p.workload, events: p.events,
        compileRuns: p.compileRuns ?? COMPILE_RUNS, measureRuns: p.measureRuns ?? MEASURE_RUNS }])) },
    probes: Object.fromEntries(probes.map((p) => [p.name, p.title])),
    results, ratios: rs,
    seconds: round((performance.now() - started) / 1000),
  };
  writeFileSync(`${HERE}results.json`, `${JSON.stringify(report, null, 2)}\n`);
  console.log(table(results, rs));
  console.log(`\n(${report.seconds} s; results.json written)`);
  const changed = sourcesNewerThanBundle();
  if (changed.length) {
    console.log(`\nSources changed during the run (${changed.slice(0, 3).join(", ")}${changed.length > 3 ? ", …" : ""}): ` +
      "every tsbpf figure is of the compiler as it was when the run started (the bundle run.sh built).");
  }
}

await main();
