/**
 * Function-latency benchmark: what timing one function with uprobe + uretprobe costs the traced
 * program, with `tsbpf latency`'s probe (library API, uprobe-multi links), with the same probe
 * written in C (function_latency.bpf.c, clang -O2, attached the same way by our loader) and with
 * bpftrace's equivalent script, on the same binary in the same run:
 * - added ns per probed call: the target's own loop time per call, probed minus unprobed
 *   (medians of LATENCY_BENCH_RUNS interleaved runs); the uprobe trap dominates it;
 * - the programs' own run time per call (kernel.bpf_stats_enabled: run_time_ns / run_cnt, entry
 *   and return programs together), tsbpf's and C's from their programs' info, bpftrace's
 *   through bpftool;
 * - the time to attach and to detach 200 functions.
 * Prints a table and writes bench/latency/results.json. Needs root and gcc; clang for the C
 * probe, bpftrace and bpftool for bpftrace's.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import {
  AttachType, attachUprobeMulti, closeFd, type Collection, enableStats, type Link, loadCollection, openExecutable,
  readBpfObject,
} from "@ts-bpf/loader";
import { latency } from "@ts-bpf/runtime";

const CALLS = Number(process.env.LATENCY_BENCH_CALLS ?? 20000);
const RUNS = Number(process.env.LATENCY_BENCH_RUNS ?? 5);
const OUT = join(import.meta.dir, "..", "out", "latency");
mkdirSync(OUT, { recursive: true });
const target = join(OUT, "target");
execFileSync("gcc", ["-O2", "-o", target, join(import.meta.dir, "target.c")]);
const has = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
const clang = has("clang");
const cObject = join(OUT, "function_latency.bpf.o");
if (clang) {
  execFileSync("clang", ["-O2", "-g", "-target", "bpf", "-I/usr/include/x86_64-linux-gnu", "-c",
    join(import.meta.dir, "function_latency.bpf.c"), "-o", cObject]);
}

/** The C probe loaded and attached to `probed` like tsbpf's (uprobe-multi, cookie 0). */
function startC(): { collection: Collection; links: Link[]; close(): void } {
  const spec = readBpfObject(new Uint8Array(readFileSync(cObject)), cObject);
  for (const p of spec.programs) p.spec = { ...p.spec, expectedAttachType: AttachType.TRACE_UPROBE_MULTI };
  const collection = loadCollection(spec);
  const exe = openExecutable(target);
  const offset = exe.resolve("probed").fileOffset;
  const links = [
    attachUprobeMulti(collection.program("leave"), exe.path, [offset], { cookies: [0n], retprobe: true }),
    attachUprobeMulti(collection.program("entry"), exe.path, [offset], { cookies: [0n] }),
  ];
  return { collection, links, close() {
    for (const l of links.reverse()) l.close();
    collection.close();
  } };
}

function runTarget(): number {
  const out = execFileSync(target, [String(CALLS)], { encoding: "utf8" });
  return Number(/ns_per_call ([\d.]+)/.exec(out)![1]);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs `body` with bpftrace's uprobe/uretprobe latency script attached to `probed`. */
async function withBpftrace<T>(body: () => T): Promise<T> {
  const script = `uprobe:${target}:probed { @s[tid] = nsecs; } ` +
    `uretprobe:${target}:probed /@s[tid]/ { @ns = hist(nsecs - @s[tid]); delete(@s[tid]); }`;
  const bt = spawn("bpftrace", ["-e", script]);
  let text = "";
  await new Promise<void>((resolve, reject) => {
    const on = (c: Buffer) => {
      text += c.toString();
      if (/Attaching \d+ probe/.test(text)) setTimeout(resolve, 300);
    };
    bt.stdout!.on("data", on);
    bt.stderr!.on("data", on);
    bt.on("exit", () => reject(new Error(`bpftrace exited: ${text}`)));
  });
  try {
    return body();
  } finally {
    bt.removeAllListeners("exit");
    const done = new Promise((r) => bt.on("exit", r));
    bt.kill("SIGINT");
    await done;
  }
}

/** Kprobe-type programs bpftrace loaded: run count and time from bpftool. */
function bpftoolKprobeStats(before: Set<number>): { runCount: number; runTimeNs: number } {
  const progs = JSON.parse(execFileSync("bpftool", ["prog", "show", "-j"], { encoding: "utf8" })) as
    { id: number; type: string; run_cnt?: number; run_time_ns?: number }[];
  let runCount = 0, runTimeNs = 0;
  for (const p of progs) {
    if (before.has(p.id) || p.type !== "kprobe") continue;
    runCount += p.run_cnt ?? 0;
    runTimeNs += p.run_time_ns ?? 0;
  }
  return { runCount, runTimeNs };
}
const progIds = () => new Set((JSON.parse(execFileSync("bpftool", ["prog", "show", "-j"], { encoding: "utf8" })) as
  { id: number }[]).map((p) => p.id));

const selection = latency.matchFunctions(latency.readCatalog({ binary: target }), ["probed"]);
const base: number[] = [], tsbpf: number[] = [], cProbe: number[] = [], bpftrace: number[] = [];
const bt = has("bpftrace") && has("bpftool");
for (let r = 0; r < RUNS; r++) {
  base.push(runTarget());
  {
    using session = latency.LatencySession.start(selection.functions);
    tsbpf.push(runTarget());
  }
  if (clang) {
    const c = startC();
    try {
      cProbe.push(runTarget());
    } finally {
      c.close();
    }
  }
  if (bt) bpftrace.push(await withBpftrace(runTarget));
}

// The programs' own cost per hit, with run-time stats on.
const statsFd = enableStats();
let tsbpfProgNs = 0, cProgNs = 0, bpftraceProgNs = 0;
try {
  {
    using session = latency.LatencySession.start(selection.functions);
    runTarget();
    const stats = session.programStats();
    const hits = stats.reduce((a, s) => a + Number(s.runCount), 0);
    tsbpfProgNs = stats.reduce((a, s) => a + Number(s.runTimeNs), 0) / Math.max(1, hits) * 2;
  }
  if (clang) {
    const c = startC();
    try {
      runTarget();
      const infos = ["entry", "leave"].map((n) => c.collection.program(n).info());
      const hits = infos.reduce((a, i) => a + Number(i.runCount), 0);
      cProgNs = infos.reduce((a, i) => a + Number(i.runTimeNs), 0) / Math.max(1, hits) * 2;
    } finally {
      c.close();
    }
  }
  if (bt) {
    const before = progIds();
    const s = await withBpftrace(() => {
      runTarget();
      return bpftoolKprobeStats(before);
    });
    bpftraceProgNs = s.runTimeNs / Math.max(1, s.runCount) * 2;
  }
} finally {
  closeFd(statsFd);
}

// Attach and detach 200 functions.
const many = join(OUT, "many");
writeFileSync(`${many}.c`, [
  ...Array.from({ length: 200 }, (_, i) => `__attribute__((noinline)) int f_${i}(int x) { asm volatile(""); return x + ${i}; }`),
  "int main(void) { return 0; }",
].join("\n"));
execFileSync("gcc", ["-O1", "-o", many, `${many}.c`]);
const manySelection = latency.matchFunctions(latency.readCatalog({ binary: many }), ["f_*"]);
const session = latency.LatencySession.start(manySelection.functions);
const attachMs = session.attachMs;
const t0 = performance.now();
session.close();
const detachMs = performance.now() - t0;

const b = median(base), t = median(tsbpf), c = clang ? median(cProbe) : NaN, p = bt ? median(bpftrace) : NaN;
const results = {
  calls: CALLS, runs: RUNS,
  baselineNsPerCall: b,
  tsbpf: { nsPerCall: t, addedNsPerCall: t - b, programNsPerCall: tsbpfProgNs },
  c: clang ? { nsPerCall: c, addedNsPerCall: c - b, programNsPerCall: cProgNs } : undefined,
  bpftrace: bt ? { nsPerCall: p, addedNsPerCall: p - b, programNsPerCall: bpftraceProgNs } : undefined,
  addedRatioToC: clang ? (t - b) / (c - b) : undefined,
  programRatioToC: clang ? tsbpfProgNs / cProgNs : undefined,
  addedRatioToBpftrace: bt ? (t - b) / (p - b) : undefined,
  programRatioToBpftrace: bt ? tsbpfProgNs / bpftraceProgNs : undefined,
  attach200Ms: attachMs, detach200Ms: detachMs,
};
const f = (n: number) => n.toFixed(0).padStart(8);
console.log(`function latency, ${CALLS} calls × ${RUNS} runs (medians)`);
console.log(`                  ns/call   added/call   program ns/call (entry+return)`);
console.log(`no probe         ${f(b)}`);
console.log(`tsbpf latency    ${f(t)}     ${f(t - b)}     ${f(tsbpfProgNs)}`);
if (clang) console.log(`C (clang -O2)    ${f(c)}     ${f(c - b)}     ${f(cProgNs)}`);
if (bt) console.log(`bpftrace         ${f(p)}     ${f(p - b)}     ${f(bpftraceProgNs)}`);
if (clang) console.log(`tsbpf / C: added cost ${((t - b) / (c - b)).toFixed(3)}×, programs ${(tsbpfProgNs / cProgNs).toFixed(2)}×`);
if (bt) console.log(`tsbpf / bpftrace: added cost ${((t - b) / (p - b)).toFixed(3)}×, programs ${(tsbpfProgNs / bpftraceProgNs).toFixed(2)}×`);
console.log(`200 functions: attach ${attachMs.toFixed(1)} ms, detach ${detachMs.toFixed(1)} ms`);
writeFileSync(join(import.meta.dir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
