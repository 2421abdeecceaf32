/**
 * HTTP instrumentation overhead: nginx's requests per second under wrk without and with
 * `tsbpf http` running (its default everything-on-the-machine selection, and `--exe nginx`;
 * metrics served for Prometheus, no span exporter: OTEL_TRACES_EXPORTER=none, so the agent
 * makes no spans), in
 * interleaved runs of HTTP_BENCH_SECONDS each (medians of HTTP_BENCH_RUNS). nginx is pinned to
 * the first CPU and wrk to the last, as OBI's own overhead benchmark pins service and load; the
 * agent runs where the scheduler puts it.
 * Also reports the agent's CPU (user + system time over the run's wall time) and its peak RSS,
 * how many of wrk's requests the agent counted (its `http.server.request.duration` count from
 * the Prometheus endpoint), and records lost. Target (the issue's, after OBI's headline): under
 * 2% throughput loss, agent RSS under 100 MB. Prints a table; writes bench/http/results.json.
 *
 * The floor: nginx with only an empty program on `sys_exit` (bench/http/floor_probe.ts, through
 * `tsbpf run`), the capture probe's attach point. Any syscall tracepoint puts every syscall of
 * every process on the kernel's tracing path, so this much loss comes with seeing syscalls at
 * all, before the probe does any work; the agent's own share is its rate against the floor's.
 *
 * What the loss is made of, per request: the agent's CPU time (µs, from its user + system time
 * up to the end of its drain), and with HTTP_BENCH_KERNEL_STATS=1 the run time of its kernel
 * programs (µs, from its program fds' run_time_ns; kernel.bpf_stats_enabled is set for the run
 * and put back after, and its own cost, two clock reads per program run, then counts too).
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";

const RUNS = Number(process.env.HTTP_BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.HTTP_BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.HTTP_BENCH_CONNECTIONS ?? 8);
const KERNEL_STATS = process.env.HTTP_BENCH_KERNEL_STATS === "1";
const BPF_STATS = "/proc/sys/kernel/bpf_stats_enabled";
const ROOT = join(import.meta.dir, "..", "..");
const TSBPF = join(ROOT, "runtime", "bin", "tsbpf");
const has = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const progress = (line: string) => console.error(`http bench: ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (!has("nginx") || !has("wrk") || !has("taskset")) {
  console.error("installing nginx-light, wrk and util-linux from Debian's packages");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-q"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-q", "nginx-light", "wrk", "util-linux"], { stdio: "inherit", env });
}

const cpus = availableParallelism();
const SERVER_CPU = "0";
const LOAD_CPU = String(cpus - 1);

function freePort(): number {
  const out = execFileSync("python3", ["-c",
    "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"], { encoding: "utf8" });
  return Number(out.trim());
}

/** nginx, one worker, pinned, serving a 612-byte page (nginx's default index size). */
async function startNginx(): Promise<{ port: number; stop(): void }> {
  const dir = mkdtempSync(join(tmpdir(), "bench-nginx-"));
  writeFileSync(join(dir, "index.html"), `<!DOCTYPE html>\n${"<p>tsbpf http benchmark</p>\n".repeat(21)}`);
  const port = freePort();
  writeFileSync(join(dir, "nginx.conf"), `
worker_processes 1;
daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir};
  uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  server { listen 127.0.0.1:${port}; root ${dir}; }
}`);
  const child = spawn("taskset", ["-c", SERVER_CPU, "nginx", "-p", dir, "-c", `${dir}/nginx.conf`], { stdio: "ignore" });
  for (let i = 0; i < 200; i++) {
    const ok = spawnSync("python3", ["-c", `import socket; socket.create_connection(("127.0.0.1", ${port}), timeout=1).close()`]).status === 0;
    if (ok) break;
    await sleep(20);
  }
  return { port, stop: () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  } };
}

/** One wrk run (asynchronous, so nothing here blocks): completed requests per second. */
async function wrk(port: number): Promise<{ rps: number; requests: number }> {
  const child = spawn("taskset", ["-c", LOAD_CPU, "wrk", "-t1", `-c${CONNECTIONS}`, `-d${SECONDS}s`,
    `http://127.0.0.1:${port}/index.html`], { stdio: ["ignore", "pipe", "ignore"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => { out += d.toString(); });
  await new Promise((r) => child.on("exit", r));
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  return { rps, requests };
}

/** CPU ticks (user + system) and peak RSS (kB) of a process. */
function usage(pid: number): { ticks: number; hwmKb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return { ticks: Number(fields[11]) + Number(fields[12]), hwmKb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) };
}

/** Run time (ns) of a process's BPF programs so far, from its fds' fdinfo (counted while bpf_stats_enabled is 1). */
function programTimeNs(pid: number): number {
  let total = 0;
  for (const fd of readdirSync(`/proc/${pid}/fdinfo`)) {
    let info: string;
    try {
      info = readFileSync(`/proc/${pid}/fdinfo/${fd}`, "utf8");
    } catch {
      continue; // closed meanwhile
    }
    if (info.includes("prog_type:")) total += Number(/run_time_ns:\s+(\d+)/.exec(info)?.[1] ?? 0);
  }
  return total;
}

/** How many server requests the agent counted, from its Prometheus endpoint. */
async function counted(metricsPort: number, port: number): Promise<number> {
  let text = "";
  for (let attempt = 0; ; attempt++) {
    const r = spawnSync("curl", ["-s", "--max-time", "10", `http://127.0.0.1:${metricsPort}/metrics`],
      { encoding: "utf8", maxBuffer: 64 << 20 });
    if (r.status === 0) {
      text = r.stdout;
      break;
    }
    if (attempt === 20) throw new Error(`cannot scrape the agent's metrics: curl exit ${r.status}`);
    await sleep(250);
  }
  let total = 0;
  for (const line of text.split("\n")) {
    // The exporter names it http_server_request_duration_count (newer ones add _seconds).
    if (/^http_server_request_duration(_seconds)?_count\{/.test(line) && line.includes(`server_port="${port}"`)) {
      total += Number(line.slice(line.lastIndexOf(" ") + 1));
    }
  }
  return total;
}

/** Starts `tsbpf <args>` and waits until its stderr says `ready`; `stderr` keeps growing after. */
async function startTsbpf(args: string[], ready: string, env: Record<string, string> = {}):
  Promise<{ child: ReturnType<typeof spawn>; stderr: string }> {
  const child = spawn(TSBPF, args, { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...env } });
  const started = { child, stderr: "" };
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", (d: Buffer) => {
      started.stderr += d.toString();
      if (started.stderr.includes(ready)) resolve();
    });
    child.on("exit", (code) => reject(new Error(`tsbpf ${args.join(" ")} exited (${code}):\n${started.stderr}`)));
  });
  return started;
}

async function withAgent<T>(select: string[], body: (agent: { pid: number; metricsPort: number }) => Promise<T>):
  Promise<{ value: T; stderr: string }> {
  const metricsPort = freePort();
  const started = await startTsbpf(["http", ...select, "--prometheus", `127.0.0.1:${metricsPort}`], "tracing HTTP",
    { OTEL_TRACES_EXPORTER: "none" });
  const agent = started.child;
  const exited = new Promise((r) => agent.on("exit", r));
  let alive = true;
  agent.on("exit", (code, signal) => {
    alive = false;
    progress(`the agent exited (${code ?? signal})`);
  });
  try {
    const value = await body({ pid: agent.pid!, metricsPort });
    return { value, stderr: started.stderr };
  } finally {
    if (alive) agent.kill("SIGINT");
    await exited;
    const tail = started.stderr.split("\n").filter((l) => !l.startsWith("attached")).slice(-5).join("\n");
    if (tail.includes("tsbpf:")) progress(`the agent said:\n${tail}`);
  }
}

/** Runs `body` while the floor probe (an empty sys_exit program) is attached. */
async function withFloorProbe<T>(body: () => Promise<T>): Promise<T> {
  const probe = (await startTsbpf(["run", join(import.meta.dir, "floor_probe.ts")], "running")).child;
  const exited = new Promise((r) => probe.on("exit", r));
  try {
    return await body();
  } finally {
    probe.kill("SIGINT");
    await exited;
  }
}

const nginx = await startNginx();
progress(`nginx listens on ${nginx.port}`);
/**
 * The agent as run: following every process (the default; wrk's client side too), and told to
 * follow nginx alone (`--exe nginx`, as one instruments a service with OBI's
 * OTEL_EBPF_AUTO_TARGET_EXE): its kernel program then stops following wrk's connections as
 * soon as they open.
 */
const VARIANTS = [
  { label: "tsbpf http", select: [] as string[] },
  { label: "tsbpf http --exe nginx", select: ["--exe", "nginx"] },
];

interface AgentRuns {
  rps: number[];
  cpu: number[];
  cpuPerRequestUs: number[];
  kernelPerRequestUs: number[];
  seen: number[];
  hwmKb: number;
  lost: string;
}

const base: number[] = [];
const floor: number[] = [];
const agents: AgentRuns[] = VARIANTS.map(() =>
  ({ rps: [], cpu: [], cpuPerRequestUs: [], kernelPerRequestUs: [], seen: [], hwmKb: 0, lost: "" }));
const statsBefore = KERNEL_STATS ? readFileSync(BPF_STATS, "utf8").trim() : undefined;
if (KERNEL_STATS) writeFileSync(BPF_STATS, "1");
try {
  await wrk(nginx.port); // warm-up
  for (let run = 0; run < RUNS; run++) {
    base.push((await wrk(nginx.port)).rps);
    progress(`run ${run + 1}: ${base.at(-1)!.toFixed(0)} requests/s without the agent`);
    floor.push((await withFloorProbe(() => wrk(nginx.port))).rps);
    progress(`run ${run + 1}: ${floor.at(-1)!.toFixed(0)} requests/s with an empty sys_exit program`);
    for (const [k, variant] of VARIANTS.entries()) {
      const { value, stderr } = await withAgent(variant.select, async (agent) => {
        const startedCount = await counted(agent.metricsPort, nginx.port);
        const u0 = usage(agent.pid);
        const k0 = KERNEL_STATS ? programTimeNs(agent.pid) : 0;
        const t0 = performance.now();
        const result = await wrk(nginx.port);
        const wall = (performance.now() - t0) / 1000;
        const u1 = usage(agent.pid);
        const k1 = KERNEL_STATS ? programTimeNs(agent.pid) : 0;
        await sleep(1000); // the agent drains what the run left in the ring buffer
        const u2 = usage(agent.pid);
        const total = (await counted(agent.metricsPort, nginx.port)) - startedCount;
        return { result, cpu: (u1.ticks - u0.ticks) / 100 / wall, hwmKb: usage(agent.pid).hwmKb, total,
          cpuPerRequestUs: (u2.ticks - u0.ticks) * 1e4 / result.requests, kernelPerRequestUs: (k1 - k0) / 1e3 / result.requests };
      });
      const a = agents[k]!;
      a.rps.push(value.result.rps);
      progress(`run ${run + 1}: ${value.result.rps.toFixed(0)} requests/s with ${variant.label}`);
      a.cpu.push(value.cpu);
      a.cpuPerRequestUs.push(value.cpuPerRequestUs);
      a.kernelPerRequestUs.push(value.kernelPerRequestUs);
      a.seen.push(value.total / value.result.requests);
      a.hwmKb = Math.max(a.hwmKb, value.hwmKb);
      a.lost += stderr.split("\n").filter((l) => l.includes("lost")).join("\n");
    }
  }
} finally {
  nginx.stop();
  if (statsBefore !== undefined) writeFileSync(BPF_STATS, statsBefore);
}

const b = median(base);
const f = median(floor);
const floorLoss = (1 - f / b) * 100;
const figures = VARIANTS.map((variant, k) => {
  const a = agents[k]!;
  const p = median(a.rps);
  return {
    label: variant.label, select: variant.select, probedRps: p, throughputLossPercent: (1 - p / b) * 100,
    // Each run's own ratio, so that a slow minute for one run does not pair with a fast one.
    rpsVsFloor: median(a.rps.map((x, i) => x / floor[i]!)),
    agentCpuCores: median(a.cpu), agentCpuPerRequestUs: median(a.cpuPerRequestUs),
    kernelProgramsPerRequestUs: KERNEL_STATS ? median(a.kernelPerRequestUs) : "not measured (HTTP_BENCH_KERNEL_STATS=1)",
    agentPeakRssMb: a.hwmKb / 1024, requestsCountedRatio: median(a.seen), lost: a.lost || "none reported",
  };
});
const results = {
  runs: RUNS, seconds: SECONDS, connections: CONNECTIONS, cpus,
  baselineRps: b, floorRps: f, floorLossPercent: floorLoss, agents: figures,
};
mkdirSync(import.meta.dir, { recursive: true });
writeFileSync(join(import.meta.dir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log(`nginx under wrk (-t1 -c${CONNECTIONS}, ${SECONDS} s × ${RUNS} interleaved runs, medians; nginx on CPU ${SERVER_CPU}, wrk on CPU ${LOAD_CPU})`);
console.log("");
console.log("| | requests/s | throughput loss | ÷ the floor's requests/s | agent CPU (cores) | agent CPU per request | agent peak RSS | requests the agent counted |");
console.log("|---|---|---|---|---|---|---|---|");
console.log(`| no probe | ${b.toFixed(0)} | | | | | | |`);
console.log(`| empty sys_exit program (the floor) | ${f.toFixed(0)} | ${floorLoss.toFixed(1)}% | | | | | |`);
for (const x of figures) {
  console.log(`| ${x.label} | ${x.probedRps.toFixed(0)} | ${x.throughputLossPercent.toFixed(1)}% (target < 2%) | ` +
    `${x.rpsVsFloor.toFixed(3)} | ${x.agentCpuCores.toFixed(2)} | ${x.agentCpuPerRequestUs.toFixed(1)} µs | ` +
    `${x.agentPeakRssMb.toFixed(0)} MB (target < 100 MB) | ${(x.requestsCountedRatio * 100).toFixed(1)}% |`);
}
console.log("");
console.log("The floor: the loss any syscall capture pays on this machine before its program does anything " +
  "(every syscall of every process takes the kernel's tracing path); \"÷ the floor\" is the agent's own share.");
if (KERNEL_STATS) {
  console.log(`Kernel programs per request: ${figures.map((x) => `${x.label} ${Number(x.kernelProgramsPerRequestUs).toFixed(2)} µs`).join(", ")} (all traced processes' syscalls).`);
}
const lost = figures.filter((x) => x.lost !== "none reported");
for (const x of lost) console.log(`\n${x.label}: ${x.lost}`);
