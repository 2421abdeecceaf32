import { expect, test } from "bun:test";
import { durationMetric, LatencyMetricProducer } from "./latency_metrics.ts";
import type { FunctionHistogram } from "./latency_session.ts";
import type { SelectedFunction } from "./function_matcher.ts";

function histogram(name: string, counts: Record<number, number>): FunctionHistogram {
  const buckets = new Array<bigint>(65).fill(0n);
  for (const [i, c] of Object.entries(counts)) buckets[Number(i)] = BigInt(c);
  const fn = { module: { path: "/opt/app/server" } } as unknown as SelectedFunction["fn"];
  return { function: { index: 0, name, fn }, buckets };
}

test("function.duration is a histogram in seconds per function with OpenTelemetry attributes", () => {
  const metric = durationMetric([histogram("app::parse", { 11: 3, 12: 1 }), histogram("app::idle", {})], [0, 0], [1, 0]);
  expect(metric.descriptor.name).toBe("function.duration");
  expect(metric.descriptor.unit).toBe("s");
  expect(metric.dataPoints).toHaveLength(1);
  const point = metric.dataPoints[0]!;
  expect(point.attributes).toEqual({ "code.function.name": "app::parse", "process.executable.name": "server" });
  const value = point.value as { buckets: { boundaries: number[]; counts: number[] }; count: number };
  expect(value.count).toBe(4);
  // Kernel bucket 11 is [1024, 2048) ns, the OpenTelemetry bucket (1023 ns, 2047 ns].
  expect(value.buckets.boundaries[11]).toBe(2047 / 1e9);
  expect(value.buckets.counts[11]).toBe(3);
  expect(value.buckets.counts[12]).toBe(1);
  expect(value.buckets.counts).toHaveLength(value.buckets.boundaries.length + 1);
});

test("the producer collects the current histograms at each collection", async () => {
  let calls = 1;
  const producer = new LatencyMetricProducer(() => [histogram("f", { 3: calls })]);
  calls = 5;
  const result = await producer.collect();
  const metric = result.resourceMetrics.scopeMetrics[0]!.metrics[0]!;
  expect((metric.dataPoints[0]!.value as { count: number }).count).toBe(5);
});
