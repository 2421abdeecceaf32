/**
 * Peak memory of `tsbpf run` while it exports (issue 4 asks for under 60 MB). Runs the CLI on
 * bench/telemetry/probe.ts, as source and as a built artifact, for a few seconds each: with no
 * telemetry, with --otlp to a local receiver
 * (metrics every second, one span per traced call) and with --prometheus (scraped every second),
 * while this process makes getpgid() calls at a steady rate; reports the child's VmHWM (peak
 * RSS) and what reached the receiver. Root; run with node_modules/.bin/bun bench/telemetry/rss.ts.
 * Settings: TELEMETRY_BENCH_SECONDS (default 8), TELEMETRY_BENCH_RATE calls/s (default 20000).
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { backend, SYS } from "@ts-bpf/loader";

const ROOT = new URL("../..", import.meta.url).pathname;
const SECONDS = Number(process.env.TELEMETRY_BENCH_SECONDS ?? 8);
const RATE = Number(process.env.TELEMETRY_BENCH_RATE ?? 20_000);

/** Counts OTLP requests and bytes per path. */
async function receiver() {
  const seen = new Map<string, { requests: number; bytes: number }>();
  const server = createServer((req, res) => {
    let bytes = 0;
    req.on("data", (c: Buffer) => (bytes += c.length));
    req.on("end", () => {
      const s = seen.get(req.url ?? "") ?? { requests: 0, bytes: 0 };
      s.requests++;
      s.bytes += bytes;
      seen.set(req.url ?? "", s);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => server.close() };
}

function status(pid: number, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : NaN;
}

async function run(label: string, target: string, flags: string[], scrapeUrl?: string,
  env: Record<string, string> = {}) {
  const child = spawn(join(ROOT, "runtime/bin/tsbpf"), ["run", target, "--duration",
    String(SECONDS), ...flags], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, OTEL_METRIC_EXPORT_INTERVAL: "1000", ...env } });
  let stderr = "";
  await new Promise<void>((resolve) => child.stderr!.on("data", (d) => {
    stderr += d;
    if (/attached in/.test(stderr)) resolve();
  }));
  let peak = 0;
  let calls = 0;
  const started = Date.now();
  while (Date.now() - started < (SECONDS - 1) * 1000) {
    const tickStart = Date.now();
    for (let i = 0; i < RATE / 100; i++) backend().syscall(SYS.getpgid, i & 1023);
    calls += RATE / 100;
    if (scrapeUrl && calls % RATE === 0) await (await fetch(scrapeUrl)).text();
    try {
      peak = Math.max(peak, status(child.pid!, "VmHWM"));
    } catch {
      break;
    }
    await Bun.sleep(Math.max(0, 10 - (Date.now() - tickStart)));
  }
  await new Promise((resolve) => child.on("exit", resolve));
  const lines = stderr.split("\n").filter((l) => l.startsWith("tsbpf:"));
  return { target, label, peakMb: peak.toFixed(1), calls, stderr: lines.join(" | ").slice(0, 60) };
}

// The probe as source (compiled at start) and as an artifact from `tsbpf build` (no compiler).
const artifact = "bench/out/telemetry/probe.tsbpf";
mkdirSync(join(ROOT, "bench/out/telemetry"), { recursive: true });
execFileSync(join(ROOT, "runtime/bin/tsbpf"), ["build", "bench/telemetry/probe.ts", "-o", artifact],
  { cwd: ROOT, stdio: "ignore" });
const otlp = await receiver();
const rows = [];
for (const target of ["bench/telemetry/probe.ts", artifact]) {
  rows.push(await run("no telemetry", target, []));
  rows.push(await run("OTLP metrics only", target, [], undefined,
    { OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: `${otlp.url}/v1/metrics` }));
  rows.push(await run("--otlp (+ spans)", target, ["--otlp", otlp.url]));
  rows.push(await run("--prometheus (scraped 1/s)", target, ["--prometheus", "127.0.0.1:19465"], "http://127.0.0.1:19465/metrics"));
}
otlp.close();
console.log(`tsbpf run, ${SECONDS} s, ${RATE} traced calls/s (one span each)`);
console.table(rows);
console.log("received over OTLP:", Object.fromEntries(otlp.seen));
