/**
 * `tsbpf run` with telemetry, end to end: --otlp with the standard OTEL_* variables pushes
 * metrics periodically and every span to a receiver started here, an unreachable collector costs
 * at most a line per export interval and the run still ends normally, and bad telemetry flags
 * are usage errors.
 */
import { describe, expect, test } from "bun:test";
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { backend, getpid, SYS } from "@ts-bpf/loader";
import { kernelTest } from "../../../test/support/gates.ts";
import { OtlpReceiver } from "./otlp_receiver.ts";

const ROOT = new URL("../../..", import.meta.url).pathname;
const TSBPF = join(ROOT, "runtime/bin/tsbpf");
const FIXTURE = "runtime/test/telemetry/fixtures/getpgid_probe.ts";

interface Running {
  child: ChildProcess;
  attached: Promise<void>;
  done: Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>;
}

function tsbpf(args: string[], env: Record<string, string> = {}): Running {
  const started = Date.now();
  const child = spawn(TSBPF, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  let stdout = "";
  let stderr = "";
  let onAttached: () => void = () => {};
  const attached = new Promise<void>((resolve) => (onAttached = resolve));
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => {
    stderr += d;
    if (/attached in/.test(stderr)) onAttached();
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>((resolve) =>
    child.on("exit", (code) => {
      onAttached();
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    }));
  return { child, attached, done };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("tsbpf run with telemetry", () => {
  kernelTest("--otlp pushes metrics every interval and every span, with OTEL_* resource settings", async () => {
    const receiver = await OtlpReceiver.start();
    try {
      const run = tsbpf(["run", FIXTURE, "--otlp", receiver.url, "--duration", "2"], {
        OTEL_METRIC_EXPORT_INTERVAL: "400", OTEL_SERVICE_NAME: "cli-test",
        OTEL_RESOURCE_ATTRIBUTES: "deployment.environment=ci" });
      await run.attached;
      const args = [3n, 7n, 70n, 500n];
      for (const arg of args) backend().syscall(SYS.getpgid, arg);
      const { code, stderr } = await run.done;
      expect(code).toBe(0);
      expect(stderr).not.toContain("tsbpf: telemetry:");
      const requests = receiver.metricRequests();
      // Pushed while running, not only at exit.
      expect(requests.length).toBeGreaterThanOrEqual(3);
      const last = requests.at(-1)![0]!;
      expect(last.resource["service.name"]).toBe("cli-test");
      expect(last.resource["deployment.environment"]).toBe("ci");
      const calls = last.scopes.flatMap((s) => s.metrics).find((m) => m.name === "test.getpgid.calls");
      expect(calls?.points.find((p) => p.attributes.key === BigInt(getpid()))?.value).toBe(BigInt(args.length));
      // The span processor reports on itself (drops for a full queue are counted there).
      const capacity = last.scopes.flatMap((s) => s.metrics)
        .find((m) => m.name === "otel.sdk.processor.span.queue.capacity");
      expect(Number(capacity?.points[0]?.value)).toBe(2048);
      expect(stderr).not.toContain("span export queue full");
      const spans = receiver.spans().filter((s) => s.attributes.pid === BigInt(getpid()));
      expect(spans.map((s) => s.attributes.arg).sort((a, b) => Number(a) - Number(b))).toEqual(args);
      for (const s of spans) expect(s.endTimeUnixNano - s.startTimeUnixNano).toBe((s.attributes.arg as bigint) * 1000n);
    } finally {
      await receiver.close();
    }
  }, 30_000);

  kernelTest("an unreachable collector is reported at most once per interval and the run ends normally", async () => {
    const port = await closedPort();
    const intervalMs = 300;
    const run = tsbpf(["run", FIXTURE, "--otlp", `http://127.0.0.1:${port}`, "--duration", "2"],
      { OTEL_METRIC_EXPORT_INTERVAL: String(intervalMs) });
    await run.attached;
    for (let i = 0; i < 5; i++) backend().syscall(SYS.getpgid, 1n);
    const { code, stdout, stderr, ms } = await run.done;
    expect(code).toBe(0);
    const lines = stderr.split("\n").filter((l) => l.startsWith("tsbpf: telemetry") || l.includes("final telemetry export"));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(Math.ceil(ms / intervalMs) + 2);
    expect(lines[0]).toContain(`connect ECONNREFUSED 127.0.0.1:${port}`);
    // The maps are still printed at the end.
    expect(stdout).toContain(`@calls[${getpid()}]: 5`);
  }, 30_000);
});

describe("telemetry flags", () => {
  test("a bad --prometheus value is a usage error before anything is loaded", async () => {
    const { code, stderr } = await tsbpf(["run", FIXTURE, "--prometheus", "nine"]).done;
    expect(code).toBe(1);
    expect(stderr).toContain("--prometheus needs a port or host:port");
    expect(stderr).not.toContain("attached");
  }, 30_000);

  test("a Prometheus port already in use is refused with a hint", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const { code, stderr } = await tsbpf(["run", FIXTURE, "--prometheus", `127.0.0.1:${port}`]).done;
      expect(code).toBe(1);
      expect(stderr).toContain(`Cannot serve Prometheus metrics on 127.0.0.1:${port}`);
      expect(stderr).toContain("hint: choose another port");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 30_000);
});
