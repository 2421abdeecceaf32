/**
 * Harness for the end-to-end HTTP instrumentation tests: starts servers (each prints
 * `{"port": N}` on its first line, having bound a free port) and stops them by pid, runs curl
 * over many URLs on one connection with per-request timings, and runs an HttpMonitor whose spans
 * and metrics land in memory through the OpenTelemetry SDK.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader,
} from "@opentelemetry/sdk-metrics";
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { type ExchangeSummary, HttpMonitor, type HttpSelection } from "@ts-bpf/runtime";

export interface Server {
  pid: number;
  port: number;
  stop(): void;
}

/** Starts `command`, waits (at most 10 s) for its `{"port": N}` line. */
export function startServer(command: string, args: string[], env: Record<string, string> = {}): Promise<Server> {
  const child: ChildProcess = spawn(command, args, { stdio: ["ignore", "pipe", "ignore"],
    env: { ...process.env, ...env } });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${command} did not report a port within 10 s`));
    }, 10_000);
    let text = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const line = /\{[^\n]*"port"[^\n]*\}/.exec(text);
      if (!line) return;
      clearTimeout(timer);
      resolve({ pid: child.pid!, port: JSON.parse(line[0]).port, stop });
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code}) before reporting a port`));
    });
  });
}

/** One request as curl saw it. */
export interface CurlResult {
  status: number;
  /** Whole request as curl measured it, ns. */
  totalNs: number;
  connects: number;
}

/**
 * Requests every URL in one curl process (so one keep-alive connection when the server allows
 * it), at most 60 s. `pid` is curl's.
 */
export async function curl(urls: string[], extra: string[] = []): Promise<{ pid: number; results: CurlResult[] }> {
  const dir = mkdtempSync(join(tmpdir(), "curl-"));
  const config = join(dir, "urls");
  writeFileSync(config, urls.map((u) => `url = "${u}"\noutput = "/dev/null"\n`).join(""));
  const child = spawn("curl", ["-s", "--max-time", "60", "-w", "%{http_code} %{time_total} %{num_connects}\\n",
    ...extra, "--config", config], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => { out += d.toString(); });
  await new Promise((resolve) => child.on("exit", resolve));
  const results = out.trim().split("\n").filter(Boolean).map((line) => {
    const [status, total, connects] = line.split(" ");
    return { status: Number(status), totalNs: Number(total) * 1e9, connects: Number(connects) };
  });
  return { pid: child.pid!, results };
}

/** A monitor whose spans and metrics are kept in memory. */
export class TestMonitor {
  readonly exchanges: ExchangeSummary[] = [];
  readonly spans = new InMemorySpanExporter();
  readonly metrics = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  readonly reader = new PeriodicExportingMetricReader({ exporter: this.metrics, exportIntervalMillis: 3_600_000 });
  readonly meterProvider = new MeterProvider({ readers: [this.reader] });
  readonly tracerProvider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter: this.spans })] });
  monitor?: HttpMonitor;

  async start(select?: HttpSelection): Promise<this> {
    this.monitor = await HttpMonitor.start({
      tracer: this.tracerProvider.getTracer("test"), meter: this.meterProvider.getMeter("test"),
      onExchange: (x) => this.exchanges.push(x), select,
    });
    return this;
  }

  /** Exchanges of one process. */
  of(pid: number, kind?: "server" | "client"): ExchangeSummary[] {
    return this.exchanges.filter((x) => x.pid === pid && (!kind || x.kind === kind));
  }

  /** Waits until `check` holds (polling), at most `ms`; returns whether it did. */
  async until(check: () => boolean, ms = 5000): Promise<boolean> {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) return false;
      await new Promise((r) => setTimeout(r, 20));
    }
    return true;
  }

  async close(): Promise<void> {
    await this.monitor?.close();
    await this.reader.forceFlush();
  }
}
