import { describe, expect, test } from "bun:test";
import { createServer } from "node:net";
import { exportConfig } from "../../src/telemetry/export_config.ts";
import { ExportErrorReporter } from "../../src/telemetry/export_error_reporter.ts";
import { startPipeline } from "../../src/telemetry/sdk_pipeline.ts";

/** A loopback port with nothing listening on it (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("export error reporter", () => {
  test("prints the first failure at once and at most one line per interval after it", () => {
    let now = 0;
    const lines: string[] = [];
    const reporter = new ExportErrorReporter(1000, (l) => lines.push(l), () => now);
    reporter.report(new Error("PeriodicExportingMetricReader: metrics export failed (error Error: connect ECONNREFUSED 127.0.0.1:1)"));
    for (now = 100; now < 1000; now += 100) reporter.report(new Error("again"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe("tsbpf: telemetry: metrics export failed: connect ECONNREFUSED 127.0.0.1:1");
    now = 1000;
    reporter.report("metrics export timed out");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("metrics export timed out (and 9 more since the last report)");
    expect(reporter.failures).toBe(11);
  });

  test("flush reports failures held back since the last line", () => {
    let now = 0;
    const lines: string[] = [];
    const reporter = new ExportErrorReporter(1000, (l) => lines.push(l), () => now);
    reporter.report("a");
    reporter.report("b");
    reporter.report("c");
    reporter.flush();
    reporter.flush();
    expect(lines).toEqual(["tsbpf: telemetry: a", "tsbpf: telemetry: 2 more failures since the last report"]);
  });

  test("an unreachable OTLP endpoint costs at most a line per interval and never throws", async () => {
    const port = await closedPort();
    const lines: string[] = [];
    const intervalMs = 200;
    const config = exportConfig({ otlp: `http://127.0.0.1:${port}` }, { OTEL_METRIC_EXPORT_INTERVAL: String(intervalMs) })!;
    const telemetry = await startPipeline(config, { probe: "none", err: (l) => lines.push(l), shutdownTimeoutMs: 1000 });
    const counter = telemetry.meterProvider.getMeter("test").createCounter("test.unreachable");
    const tracer = telemetry.tracerProvider.getTracer("test");
    const started = Date.now();
    while (Date.now() - started < 1500) {
      counter.add(1);
      tracer.startSpan("work").end();
      await Bun.sleep(50);
    }
    await telemetry.shutdown();
    const elapsed = Date.now() - started;
    const failures = lines.filter((l) => l.includes("export failed"));
    expect(failures.length).toBeGreaterThanOrEqual(1);
    // One per interval while running, plus the summary and the shutdown notice at the end.
    expect(lines.length).toBeLessThanOrEqual(Math.ceil(elapsed / intervalMs) + 2);
    expect(failures[0]).toContain(`connect ECONNREFUSED 127.0.0.1:${port}`);
  }, 20_000);
});
