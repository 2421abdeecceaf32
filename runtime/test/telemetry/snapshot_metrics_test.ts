import { describe, expect, test } from "bun:test";
import { type HrTime, ValueType } from "@opentelemetry/api";
import { AggregationTemporality, DataPointType, type HistogramMetricData, type MetricData } from "@opentelemetry/sdk-metrics";
import type { MapSnapshot } from "../../src/decode/map_snapshot.ts";
import { keyAttributes } from "../../src/telemetry/attributes.ts";
import { snapshotMetrics } from "../../src/telemetry/snapshot_metrics.ts";
import { SnapshotMetricProducer } from "../../src/telemetry/snapshot_producer.ts";
import { aggregationMap, kernelCounts, log2Bucket, otelCounts, VOID } from "./support.ts";

const start: HrTime = [1_700_000_000, 0];
const end: HrTime = [1_700_000_010, 5];
const byName = (metrics: MetricData[], name: string) => metrics.find((m) => m.descriptor.name === name);

describe("snapshot metrics", () => {
  test("a named Count becomes a monotonic cumulative sum with one point per key", () => {
    const map = aggregationMap("Count", { name: "syscalls.calls", unit: "{call}", description: "calls" });
    const snap: MapSnapshot = { kind: "table", map, entries: [{ key: 10, value: 3n }, { key: 20, value: 5n }] };
    const [metric] = snapshotMetrics([snap], start, end);
    expect(metric?.descriptor).toEqual({ name: "syscalls.calls", unit: "{call}", description: "calls", valueType: ValueType.INT });
    expect(metric?.dataPointType).toBe(DataPointType.SUM);
    expect(metric?.aggregationTemporality).toBe(AggregationTemporality.CUMULATIVE);
    expect(metric?.dataPointType === DataPointType.SUM && metric.isMonotonic).toBe(true);
    expect(metric?.dataPoints.map((p) => [p.attributes, p.value, p.startTime, p.endTime])).toEqual([
      [{ key: 10 }, 3, start, end], [{ key: 20 }, 5, start, end]]);
  });

  test("maps without a telemetry name, hidden maps and empty maps are not exported", () => {
    const snaps: MapSnapshot[] = [
      { kind: "table", map: aggregationMap("Count", {}), entries: [{ key: 1, value: 1n }] },
      { kind: "table", map: { ...aggregationMap("Count", { name: "h" }), hidden: true }, entries: [{ key: 1, value: 1n }] },
      { kind: "table", map: aggregationMap("Sum", { name: "empty" }), entries: [] },
      { kind: "table", map: aggregationMap("HashMap", { name: "plain" }), entries: [{ key: 1, value: 1n }] },
    ];
    expect(snapshotMetrics(snaps, start, end)).toEqual([]);
  });

  test("Min and Max are gauges; a recorded minimum of zero is exported", () => {
    const min = aggregationMap("Min", { name: "lat.min" }, VOID);
    const max = aggregationMap("Max", { name: "lat.max" }, VOID);
    const metrics = snapshotMetrics([
      { kind: "table", map: min, entries: [{ key: undefined, value: 0n }] },
      { kind: "table", map: max, entries: [{ key: undefined, value: 42n }] },
    ], start, end);
    expect(metrics.map((m) => m.descriptor.name)).toEqual(["lat.min", "lat.max"]);
    expect(metrics[0]?.dataPointType).toBe(DataPointType.GAUGE);
    expect(metrics[0]?.dataPoints[0]?.value).toBe(0);
    expect(metrics[1]?.dataPoints[0]?.attributes).toEqual({});
    expect(metrics[1]?.dataPoints[0]?.value).toBe(42);
  });

  test("Stats becomes count and sum counters and min and max gauges", () => {
    const map = aggregationMap("Stats", { name: "size", unit: "By" });
    const metrics = snapshotMetrics([{ kind: "stats", map,
      entries: [{ key: 7, count: 4n, sum: 100n, min: 5n, max: 60n }] }], start, end);
    expect(metrics.map((m) => [m.descriptor.name, m.descriptor.unit, m.dataPointType, m.dataPoints[0]?.value])).toEqual([
      ["size.count", "", DataPointType.SUM, 4], ["size.sum", "By", DataPointType.SUM, 100],
      ["size.min", "By", DataPointType.GAUGE, 5], ["size.max", "By", DataPointType.GAUGE, 60]]);
  });

  test("a Sum of a signed type, and a signed Stats' sum, are non-monotonic sums (up-down counters)", () => {
    const I64 = { kind: "int", bits: 64, signed: true, name: "i64" } as const;
    const U64 = { kind: "int", bits: 64, signed: false, name: "u64" } as const;
    const sum = { ...aggregationMap("Sum", { name: "balance" }), value: I64 };
    const stats = { ...aggregationMap("Stats", { name: "delta" }), value: { kind: "struct" as const, name: "stats_signed",
      size: 32, align: 8, fields: [{ name: "count", type: U64, offset: 0 }, { name: "sum", type: I64, offset: 8 },
        { name: "min", type: I64, offset: 16 }, { name: "max", type: I64, offset: 24 }] } };
    const metrics = snapshotMetrics([
      { kind: "table", map: sum, entries: [{ key: 1, value: -7n }] },
      { kind: "stats", map: stats, entries: [{ key: 1, count: 2n, sum: -3n, min: -5n, max: 2n }] },
    ], start, end);
    const monotonic = (name: string) => {
      const m = byName(metrics, name);
      return m?.dataPointType === DataPointType.SUM ? m.isMonotonic : undefined;
    };
    expect([monotonic("balance"), monotonic("delta.sum"), monotonic("delta.count")]).toEqual([false, false, true]);
    expect(byName(metrics, "balance")?.dataPoints[0]?.value).toBe(-7);
    expect(byName(metrics, "delta.sum")?.dataPoints[0]?.value).toBe(-3);
  });

  test("a log2 histogram keeps its kernel counts, with boundaries shared by every series", () => {
    const map = aggregationMap("Histogram", { name: "lat", unit: "ns" });
    const a = [0n, 1n, 5n, 5n, 300n];
    const b = [2n, 3n, 70_000n];
    const snap: MapSnapshot = { kind: "histogram", map, series: [
      { key: 1, buckets: kernelCounts(a, 65, log2Bucket) }, { key: 2, buckets: kernelCounts(b, 65, log2Bucket) }] };
    const metric = snapshotMetrics([snap], start, end)[0] as HistogramMetricData;
    expect(metric.dataPointType).toBe(DataPointType.HISTOGRAM);
    const [pa, pb] = metric.dataPoints;
    expect(pa?.value.buckets.boundaries).toEqual(pb?.value.buckets.boundaries);
    expect(pa?.value.buckets.counts).toEqual(otelCounts(a, pa!.value.buckets.boundaries));
    expect(pb?.value.buckets.counts).toEqual(otelCounts(b, pb!.value.buckets.boundaries));
    expect([pa?.value.count, pb?.value.count]).toEqual([a.length, b.length]);
    expect(pa?.value.sum).toBeUndefined();
  });

  test("the producer answers one scope with the metrics of each collection", async () => {
    const map = aggregationMap("Count", { name: "n" }, VOID);
    let value = 1n;
    const producer = new SnapshotMetricProducer(() => [{ kind: "table", map, entries: [{ key: undefined, value }] }], start);
    const first = await producer.collect();
    value = 9n;
    const second = await producer.collect();
    expect(first.resourceMetrics.scopeMetrics[0]?.scope.name).toBe("@ts-bpf/runtime");
    expect(first.resourceMetrics.scopeMetrics[0]?.metrics[0]?.dataPoints[0]?.value).toBe(1);
    expect(second.resourceMetrics.scopeMetrics[0]?.metrics[0]?.dataPoints[0]?.value).toBe(9);
    expect(second.resourceMetrics.scopeMetrics[0]?.metrics[0]?.dataPoints[0]?.startTime).toEqual(start);
  });

  test("a snapshot that cannot be read is a collection error, not a crash", async () => {
    const producer = new SnapshotMetricProducer(() => {
      throw new Error("map closed");
    });
    const result = await producer.collect();
    expect(result.resourceMetrics.scopeMetrics).toEqual([]);
    expect(String(result.errors[0])).toContain("map closed");
  });
});

describe("key attributes", () => {
  test("an integer or string key is the attribute 'key'; a void key has none", () => {
    expect(keyAttributes(42)).toEqual({ key: 42 });
    expect(keyAttributes("bash")).toEqual({ key: "bash" });
    expect(keyAttributes(undefined)).toEqual({});
  });

  test("struct keys give one attribute per field, nested fields joined with dots", () => {
    expect(keyAttributes({ pid: 1, comm: "sh", addr: { port: 80, ip: [10, 0, 0, 1] } }))
      .toEqual({ pid: 1, comm: "sh", "addr.port": 80, "addr.ip": [10, 0, 0, 1] });
  });

  test("64-bit values beyond 2^53 become exact decimal strings", () => {
    expect(keyAttributes({ id: 18_446_744_073_709_551_615n, small: 5n }))
      .toEqual({ id: "18446744073709551615", small: 5 });
  });
});
