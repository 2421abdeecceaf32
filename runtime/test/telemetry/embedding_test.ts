/**
 * Embedding: a program with its own OpenTelemetry SDK gets a session's telemetry through the
 * runtime's public entry, either through the API only (exportSessionTelemetry) or exactly
 * through the SDK producer (snapshotMetricProducer).
 */
import { describe, expect } from "bun:test";
import { MeterProvider, type MetricData, MetricReader } from "@opentelemetry/sdk-metrics";
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { backend, getpid, SYS } from "@ts-bpf/loader";
import { kernelTest } from "../../../test/support/gates.ts";
import { exportSessionTelemetry, load, snapshotMetricProducer } from "../../mod.ts";

const FIXTURE = new URL("./fixtures/getpgid_probe.ts", import.meta.url).pathname;

class OnDemandReader extends MetricReader {
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

const counted = (metrics: MetricData[], name: string) => metrics.find((m) => m.descriptor.name === name)
  ?.dataPoints.find((p) => p.attributes.key === getpid())?.value;

describe("embedding", () => {
  kernelTest("exportSessionTelemetry feeds an embedder's providers through the API", async () => {
    const reader = new OnDemandReader();
    const meterProvider = new MeterProvider({ readers: [reader] });
    const spans = new InMemorySpanExporter();
    const tracerProvider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter: spans })] });
    const session = await load(FIXTURE, { stats: true });
    const telemetry = exportSessionTelemetry(session, { meterProvider, tracerProvider });
    for (const arg of [4n, 16n, 16n]) backend().syscall(SYS.getpgid, arg);
    const { resourceMetrics } = await reader.collect();
    session.detach();
    await session.close();
    telemetry.close();
    const metrics = resourceMetrics.scopeMetrics.flatMap((s) => s.metrics);
    expect(counted(metrics, "test.getpgid.calls")).toBe(3);
    const mine = spans.getFinishedSpans().filter((s) => s.attributes.pid === getpid());
    expect(mine.map((s) => Number(s.attributes.arg)).sort((a, b) => a - b)).toEqual([4, 16, 16]);
    expect(telemetry.spans.spans).toBeGreaterThanOrEqual(3);
    await meterProvider.shutdown();
  }, 30_000);

  kernelTest("snapshotMetricProducer gives an SDK reader the exact kernel aggregates", async () => {
    const session = await load(FIXTURE, { stats: true });
    const reader = new OnDemandReader({ metricProducers: [await snapshotMetricProducer(session)] });
    const meterProvider = new MeterProvider({ readers: [reader] });
    for (let i = 0; i < 25; i++) backend().syscall(SYS.getpgid, 2n);
    const { resourceMetrics } = await reader.collect();
    await session.close();
    const metrics = resourceMetrics.scopeMetrics.flatMap((s) => s.metrics);
    expect(counted(metrics, "test.getpgid.calls")).toBe(25);
    await meterProvider.shutdown();
  }, 30_000);
});
