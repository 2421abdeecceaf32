import { describe, expect, test } from "bun:test";
import {
  DataPointType, type HistogramMetricData, MeterProvider, type MetricData, MetricReader,
} from "@opentelemetry/sdk-metrics";
import type { MapSnapshot } from "../../src/decode/map_snapshot.ts";
import { registerInstruments } from "../../src/telemetry/api_instruments.ts";
import { kernelBoundaries } from "../../src/telemetry/histogram_buckets.ts";
import { aggregationMap, kernelCounts, log2Bucket, otelCounts, VOID } from "./support.ts";

/** A reader that collects only when asked. */
class OnDemandReader extends MetricReader {
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

async function collect(reader: OnDemandReader): Promise<MetricData[]> {
  const { resourceMetrics } = await reader.collect();
  return resourceMetrics.scopeMetrics.flatMap((s) => s.metrics);
}

describe("API instruments", () => {
  test("counters and gauges observe the kernel's totals; histograms get exact bucket counts", async () => {
    const count = aggregationMap("Count", { name: "calls" }, VOID, "count");
    const max = aggregationMap("Max", { name: "biggest" }, VOID, "max");
    const hist = aggregationMap("Histogram", { name: "sizes" }, VOID, "hist");
    const first = [1n, 2n, 3n, 600n];
    const later = [0n, 5n, 5n, 70_000n];
    let values = first;
    const read = (): MapSnapshot[] => [
      { kind: "table", map: count, entries: [{ key: undefined, value: BigInt(values.length) }] },
      { kind: "table", map: max, entries: [{ key: undefined, value: values.reduce((a, b) => (a > b ? a : b)) }] },
      { kind: "histogram", map: hist, series: [{ key: undefined, buckets: kernelCounts(values, 65, log2Bucket) }] },
    ];
    const reader = new OnDemandReader();
    const provider = new MeterProvider({ readers: [reader] });
    registerInstruments([count, max, hist], read, provider.getMeter("test"));

    const once = await collect(reader);
    values = [...first, ...later];
    const twice = await collect(reader);
    const find = (metrics: MetricData[], name: string) => metrics.find((m) => m.descriptor.name === name);

    expect(find(once, "calls")?.dataPoints[0]?.value).toBe(first.length);
    expect(find(twice, "calls")?.dataPoints[0]?.value).toBe(values.length);
    expect(find(twice, "biggest")?.dataPointType).toBe(DataPointType.GAUGE);
    expect(find(twice, "biggest")?.dataPoints[0]?.value).toBe(70_000);
    const histogram = find(twice, "sizes") as HistogramMetricData;
    const point = histogram.dataPoints[0]!.value;
    expect(point.buckets.boundaries).toEqual(kernelBoundaries(hist));
    expect(point.buckets.counts).toEqual(otelCounts(values, kernelBoundaries(hist)));
    expect(point.count).toBe(values.length);
    expect(find(twice, "tsbpf.map.series")?.dataPoints.map((p) => [p.attributes.map, p.value]))
      .toEqual([["calls", 1], ["biggest", 1], ["sizes", 1]]);
    await provider.shutdown();
  });
});
