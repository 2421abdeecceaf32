/**
 * LocalHistograms against the SDK's own histograms: the same exchanges recorded both ways give
 * the same data points (attributes, bucket counts, sum, count, min, max), and the cardinality
 * limit folds new series into `otel.metric.overflow` as the SDK does.
 */
import { expect, test } from "bun:test";
import { MeterProvider, MetricReader, type DataPoint, type Histogram, type MetricData } from "@opentelemetry/sdk-metrics";
import { type MetricFields, SdkHistograms } from "./http_histograms.ts";
import { CARDINALITY_LIMIT, LocalHistograms } from "./local_histograms.ts";

class Reader extends MetricReader {
  protected onForceFlush(): Promise<void> { return Promise.resolve(); }
  protected onShutdown(): Promise<void> { return Promise.resolve(); }
}

const fields = (over: Partial<MetricFields> = {}): MetricFields => ({
  serviceName: "nginx", serviceNamespace: "", method: "GET", status: 200, serverAddress: "vm",
  serverPort: 8080, route: "/users/*", ...over,
});

/** Exchanges with values on, around and past the bucket boundaries. */
const EXCHANGES: [side: "server" | "client", MetricFields, number, number, number][] = [
  ["server", fields(), 0.005, 0, 612],
  ["server", fields(), 0.0051, 32, 8192],
  ["server", fields(), 12, 33, 9000],
  ["server", fields({ status: 503, route: undefined }), 0, 4096, 0],
  ["client", fields({ serverAddress: "outgoing", serverPort: 80 }), 0.3, 100, 1024],
  ["client", fields({ serverAddress: undefined, serverPort: undefined }), 1, 0, 1],
];

function byName(metrics: MetricData[]): Map<string, DataPoint<Histogram>[]> {
  const key = (p: DataPoint<Histogram>) => JSON.stringify(Object.entries(p.attributes).sort());
  return new Map(metrics.map((m) => [m.descriptor.name,
    (m.dataPoints as DataPoint<Histogram>[]).slice().sort((a, b) => key(a).localeCompare(key(b)))]));
}

test("the same data points as the SDK's explicit-bucket histograms", async () => {
  const reader = new Reader();
  const provider = new MeterProvider({ readers: [reader] });
  const sdk = new SdkHistograms(provider.getMeter("test"));
  const local = new LocalHistograms({ name: "test" });
  for (const [side, f, s, req, resp] of EXCHANGES) {
    sdk.record(side, f, s, req, resp);
    local.record(side, f, s, req, resp);
  }
  const { resourceMetrics } = await reader.collect();
  const expected = byName(resourceMetrics.scopeMetrics.flatMap((m) => m.metrics));
  const actual = byName(local.metrics());
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  expect(actual.size).toBe(6);
  for (const [name, points] of expected) {
    const mine = actual.get(name)!;
    expect(mine.map((p) => p.attributes)).toEqual(points.map((p) => p.attributes));
    expect(mine.map((p) => p.value)).toEqual(points.map((p) => p.value));
  }
  await provider.shutdown();
});

test("series past the cardinality limit are counted under otel.metric.overflow, as the SDK does", async () => {
  const reader = new Reader();
  const provider = new MeterProvider({ readers: [reader] });
  const sdk = new SdkHistograms(provider.getMeter("test"));
  const local = new LocalHistograms({ name: "test" });
  for (let i = 0; i < CARDINALITY_LIMIT + 5; i++) {
    sdk.record("server", fields({ route: `/r${i}` }), 0.001, 0, 0);
    local.record("server", fields({ route: `/r${i}` }), 0.001, 0, 0);
  }
  const overflowCounts = (metrics: MetricData[]) => {
    const points = metrics.find((m) => m.descriptor.name === "http.server.request.duration")!
      .dataPoints as DataPoint<Histogram>[];
    return { points: points.length,
      overflow: points.filter((p) => p.attributes["otel.metric.overflow"] === true).map((p) => p.value.count) };
  };
  const { resourceMetrics } = await reader.collect();
  const expected = overflowCounts(resourceMetrics.scopeMetrics.flatMap((m) => m.metrics));
  expect(expected.points).toBe(CARDINALITY_LIMIT);
  expect(overflowCounts(local.metrics())).toEqual(expected);
  await provider.shutdown();
});

test("the producer hands the metrics to a reader under the given scope", async () => {
  const local = new LocalHistograms({ name: "go.opentelemetry.io/obi" });
  const empty = await local.producer().collect();
  expect(empty.resourceMetrics.scopeMetrics).toEqual([]);
  local.record("client", fields(), 0.01, 1, 2);
  const { resourceMetrics, errors } = await local.producer().collect();
  expect(errors).toEqual([]);
  expect(resourceMetrics.scopeMetrics.map((s) => s.scope.name)).toEqual(["go.opentelemetry.io/obi"]);
  expect(resourceMetrics.scopeMetrics[0]!.metrics.map((m) => m.descriptor.name)).toEqual([
    "http.client.request.duration", "http.client.request.body.size", "http.client.response.body.size"]);
});
