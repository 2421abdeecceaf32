/**
 * `tsbpf latency`'s OpenTelemetry output: an SDK `MetricProducer` giving the histogram
 * `function.duration` (unit s), one cumulative data point per probed function with attributes
 * `code.function.name` (demangled) and `process.executable.name`. The kernel's log2 buckets pass
 * through unchanged: a kernel bucket [lo, hi) ns is the OpenTelemetry bucket
 * ((lo − 1)·1e-9, (hi − 1)·1e-9] s, since durations are whole nanoseconds. Sum, min and max are
 * left out: the kernel does not keep them. Loads @opentelemetry/sdk-metrics only when used.
 */
import { type HrTime, ValueType } from "@opentelemetry/api";
import { hrTime } from "@opentelemetry/core";
import { emptyResource } from "@opentelemetry/resources";
import {
  AggregationTemporality, type CollectionResult, type DataPoint, DataPointType, type Histogram,
  type MetricData, type MetricProducer,
} from "@opentelemetry/sdk-metrics";
import { basename } from "node:path";
import type { FunctionHistogram } from "./latency_session.ts";

const SCOPE = { name: "@ts-bpf/runtime", version: "0.1.0" };

/** The metric for `histograms` (functions never called are left out). */
export function durationMetric(histograms: readonly FunctionHistogram[], start: HrTime, end: HrTime): MetricData {
  const called = histograms.filter((h) => h.buckets.some((b) => b > 0n));
  let through = 0;
  for (const h of called) {
    for (let i = h.buckets.length - 1; i > through; i--) if (h.buckets[i]! > 0n) through = i;
  }
  const dataPoints: DataPoint<Histogram>[] = called.map((h) => {
    // Bounds (hi − 1) ns for buckets 0 … through, in seconds; the rest (none) in +Inf.
    const boundaries = Array.from({ length: through + 1 }, (_, i) => (2 ** i - 1) / 1e9);
    const counts = h.buckets.slice(0, through + 1).map(Number);
    counts.push(Number(h.buckets.slice(through + 1).reduce((a, b) => a + b, 0n)));
    const count = counts.reduce((a, b) => a + b, 0);
    return {
      startTime: start,
      endTime: end,
      attributes: {
        "code.function.name": h.function.name,
        "process.executable.name": basename(h.function.fn.module.path),
      },
      value: { buckets: { boundaries, counts }, count },
    };
  });
  return {
    descriptor: { name: "function.duration", description: "Duration of function calls, measured with uprobes",
      unit: "s", valueType: ValueType.DOUBLE },
    aggregationTemporality: AggregationTemporality.CUMULATIVE,
    dataPointType: DataPointType.HISTOGRAM,
    dataPoints,
  };
}

/** Give it to a metric reader's `metricProducers`; reads `read()` at each collection. */
export class LatencyMetricProducer implements MetricProducer {
  readonly #read: () => readonly FunctionHistogram[];
  readonly #start: HrTime;

  constructor(read: () => readonly FunctionHistogram[], start: HrTime = hrTime()) {
    this.#read = read;
    this.#start = start;
  }

  collect(): Promise<CollectionResult> {
    const errors: unknown[] = [];
    const metrics: MetricData[] = [];
    try {
      const metric = durationMetric(this.#read(), this.#start, hrTime());
      if (metric.dataPoints.length > 0) metrics.push(metric);
    } catch (error) {
      errors.push(error);
    }
    return Promise.resolve({
      resourceMetrics: { resource: emptyResource(), scopeMetrics: metrics.length ? [{ scope: SCOPE, metrics }] : [] },
      errors,
    });
  }
}
