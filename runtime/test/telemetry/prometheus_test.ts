/**
 * The Prometheus scrape endpoint of a running probe: its text exposition carries the named
 * counter and histogram with this process's series, and Debian's `prometheus` server, started
 * here with a generated configuration on loopback ports, scrapes it and answers a query with
 * the same count.
 */
import { afterAll, beforeAll, describe, expect } from "bun:test";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backend, getpid, SYS } from "@ts-bpf/loader";
import { kernelTest, withTool } from "../../../test/support/gates.ts";
import { Session } from "../../src/session.ts";
import { exportConfig } from "../../src/telemetry/export_config.ts";
import { startPipeline, type Telemetry } from "../../src/telemetry/sdk_pipeline.ts";
import { otelCounts } from "./support.ts";

const FIXTURE = new URL("./fixtures/getpgid_probe.ts", import.meta.url).pathname;
const ARGS = [1n, 2n, 3n, 9n, 40n, 1000n];

/** A loopback port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a text exposition (comments skipped, label values unescaped). */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!match) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (match[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[l[1]!] = l[2]!.replace(/\\n/g, "\n").replace(/\\(.)/g, "$1");
    }
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

let telemetry: Telemetry | undefined;
let session: Session | undefined;
let port = 0;
let scrape: Sample[] = [];
const root = process.getuid?.() === 0;

describe("Prometheus endpoint", () => {
  beforeAll(async () => {
    if (!root) return;
    port = await freePort();
    telemetry = await startPipeline(exportConfig({ prometheus: `127.0.0.1:${port}` }, {})!,
      { probe: "getpgid_probe.ts", err: (l) => console.error(l) });
    session = await Session.fromSource(FIXTURE, { stats: true });
    telemetry.bind(session);
    for (const arg of ARGS) backend().syscall(SYS.getpgid, arg);
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    scrape = parseExposition(await response.text());
  }, 30_000);

  afterAll(async () => {
    session?.detach();
    telemetry?.finish();
    await session?.close();
    await telemetry?.shutdown();
  });

  kernelTest("serves the named counter with this process's calls as a _total series", () => {
    const mine = scrape.find((s) => s.name === "test_getpgid_calls_total" && s.labels.key === String(getpid()));
    expect(mine?.value).toBe(ARGS.length);
    expect(scrape.some((s) => s.name.startsWith("unnamed"))).toBe(false);
  });

  kernelTest("serves the histogram as cumulative le buckets that match the recorded values", () => {
    const buckets = scrape.filter((s) => s.name === "test_getpgid_arg_bucket" && s.labels.key === String(getpid()));
    const finite = buckets.filter((b) => b.labels.le !== "+Inf");
    const bounds = finite.map((b) => Number(b.labels.le));
    bounds.forEach((b, i) => expect(b).toBe(2 ** i - 1));
    const perBucket = otelCounts(ARGS, bounds);
    let cumulative = 0;
    finite.forEach((b, i) => {
      cumulative += perBucket[i]!;
      expect(b.value).toBe(cumulative);
    });
    expect(buckets.find((b) => b.labels.le === "+Inf")?.value).toBe(ARGS.length);
    const count = scrape.find((s) => s.name === "test_getpgid_arg_count" && s.labels.key === String(getpid()));
    expect(count?.value).toBe(ARGS.length);
  });

  kernelTest("serves the runtime's own metrics", () => {
    const runs = scrape.find((s) => s.name === "tsbpf_program_run_count_total" && s.labels.program === "sys_enter_getpgid");
    expect(runs?.value).toBeGreaterThanOrEqual(ARGS.length);
    expect(scrape.find((s) => s.name === "tsbpf_ringbuf_lost_total" && s.labels.map === "spans")?.value).toBe(0);
  });

  withTool("prometheus")("Debian's prometheus server scrapes the endpoint", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tsbpf-prometheus-"));
    const webPort = await freePort();
    writeFileSync(join(dir, "prometheus.yml"), [
      "global:",
      "  scrape_interval: 1s",
      "scrape_configs:",
      "  - job_name: tsbpf",
      "    static_configs:",
      `      - targets: ["127.0.0.1:${port}"]`,
      "",
    ].join("\n"));
    let server: ChildProcess | undefined;
    let log = "";
    try {
      server = spawn("prometheus", [`--config.file=${join(dir, "prometheus.yml")}`,
        `--storage.tsdb.path=${join(dir, "data")}`, `--web.listen-address=127.0.0.1:${webPort}`,
        "--log.level=warn"], { stdio: ["ignore", "ignore", "pipe"] });
      server.stderr!.on("data", (d) => (log += d));
      const query = `test_getpgid_calls_total{key="${getpid()}"}`;
      const deadline = Date.now() + 30_000;
      let value: string | undefined;
      while (Date.now() < deadline && value === undefined) {
        await Bun.sleep(500);
        try {
          const response = await fetch(`http://127.0.0.1:${webPort}/api/v1/query?query=${encodeURIComponent(query)}`);
          const body = await response.json() as { data?: { result?: { value: [number, string] }[] } };
          value = body.data?.result?.[0]?.value[1];
        } catch {
          // Not listening yet.
        }
      }
      if (value === undefined) throw new Error(`prometheus never had ${query}; its log:\n${log}`);
      expect(Number(value)).toBe(ARGS.length);
    } finally {
      if (server?.pid !== undefined && server.exitCode === null) {
        const exited = new Promise((resolve) => server!.on("exit", resolve));
        process.kill(server.pid, "SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
