/**
 * OBI's HTTP histograms aggregated in-process and handed to a metric reader as an SDK
 * `MetricProducer`, one cumulative data point per attribute set. The SDK's own instruments hash
 * the whole attribute set (sort its keys, JSON.stringify it) for every measurement, three per
 * exchange, which made up about half of `tsbpf http`'s own work per request; here an exchange
 * costs one short key and a map lookup, and the attribute object is built once per series (and
 * a caller that keeps the series it got, as http_telemetry.ts does per connection, not even that).
 * Like the SDK it keeps at most CARDINALITY_LIMIT series per side, the last being
 * `otel.metric.overflow`, which counts the rest. Data points are cumulative whatever temporality
 * the reader prefers, and carry no exemplars.
 */
import { type Attributes, type HrTime, ValueType } from "@opentelemetry/api";
import { hrTime } from "@opentelemetry/core";
import { emptyResource } from "@opentelemetry/resources";
import {
  AggregationTemporality, type CollectionResult, type DataPoint, DataPointType, type Histogram,
  type MetricData, type MetricProducer,
} from "@opentelemetry/sdk-metrics";
import {
  descriptions, DURATION_BUCKETS, type HistogramSeries, type HttpHistograms, metricAttributes, type MetricFields,
  SIZE_BUCKETS,
} from "./http_histograms.ts";

/** Series per histogram, overflow included (the SDK's default limit). */
export const CARDINALITY_LIMIT = 2000;

/** One histogram's running state. */
class Aggregate {
  readonly counts: number[];
  sum = 0;
  count = 0;
  min = Infinity;
  max = -Infinity;

  constructor(readonly boundaries: number[]) {
    this.counts = new Array<number>(boundaries.length + 1).fill(0);
  }

  add(value: number): void {
    // Buckets are (b[i-1], b[i]], as the SDK's explicit-bucket histogram counts them.
    let i = 0;
    const b = this.boundaries;
    while (i < b.length && value > b[i]!) i++;
    this.counts[i]!++;
    this.sum += value;
    this.count++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  point(attributes: Attributes, start: HrTime, end: HrTime): DataPoint<Histogram> {
    return {
      startTime: start, endTime: end, attributes,
      value: { buckets: { boundaries: this.boundaries, counts: [...this.counts] }, sum: this.sum,
        count: this.count, min: this.min, max: this.max },
    };
  }
}

class Series implements HistogramSeries {
  readonly aggregates = [new Aggregate(DURATION_BUCKETS), new Aggregate(SIZE_BUCKETS), new Aggregate(SIZE_BUCKETS)] as const;

  constructor(readonly attributes: Attributes) {}

  record(seconds: number, requestBytes: number, responseBytes: number): void {
    this.aggregates[0].add(seconds);
    this.aggregates[1].add(requestBytes);
    this.aggregates[2].add(responseBytes);
  }
}

const OVERFLOW_KEY = "\u0001overflow";

/** Aggregated here; `producer` hands the data points to a metric reader. */
export class LocalHistograms implements HttpHistograms {
  readonly #series = { server: new Map<string, Series>(), client: new Map<string, Series>() };
  readonly #start: HrTime;
  readonly #scope: { name: string; version?: string };

  constructor(scope: { name: string; version?: string }, start: HrTime = hrTime()) {
    this.#scope = scope;
    this.#start = start;
  }

  record(side: "server" | "client", fields: MetricFields, seconds: number, requestBytes: number,
    responseBytes: number): void {
    this.series(side, fields).record(seconds, requestBytes, responseBytes);
  }

  series(side: "server" | "client", fields: MetricFields): HistogramSeries {
    const series = this.#series[side];
    const key = `${fields.serviceName}\u0000${fields.serviceNamespace}\u0000${fields.method}\u0000${fields.status}` +
      `\u0000${fields.serverAddress ?? "\u0001"}\u0000${fields.serverPort ?? ""}\u0000${fields.route ?? "\u0001"}`;
    let s = series.get(key);
    if (!s) {
      // As the SDK counts it: the overflow series is one of the limit's.
      const full = series.size >= CARDINALITY_LIMIT - 1;
      s = full ? series.get(OVERFLOW_KEY) : undefined;
      if (!s) {
        s = new Series(full ? { "otel.metric.overflow": true } : metricAttributes(fields));
        series.set(full ? OVERFLOW_KEY : key, s);
      }
    }
    return s;
  }

  /** The six histograms as cumulative metric data (sides with no exchange yet are left out). */
  metrics(end: HrTime = hrTime()): MetricData[] {
    const out: MetricData[] = [];
    for (const side of ["server", "client"] as const) {
      const series = [...this.#series[side].values()];
      if (!series.length) continue;
      descriptions(side).forEach((d, i) => out.push({
        descriptor: { name: d.name, description: d.description, unit: d.unit, valueType: ValueType.DOUBLE },
        aggregationTemporality: AggregationTemporality.CUMULATIVE,
        dataPointType: DataPointType.HISTOGRAM,
        dataPoints: series.map((s) => s.aggregates[i]!.point(s.attributes, this.#start, end)),
      }));
    }
    return out;
  }

  /** A producer for a metric reader (the CLI's `Telemetry.bindProducer`). */
  producer(): MetricProducer {
    return {
      collect: (): Promise<CollectionResult> => {
        const errors: unknown[] = [];
        let metrics: MetricData[] = [];
        try {
          metrics = this.metrics();
        } catch (error) {
          errors.push(error);
        }
        return Promise.resolve({
          resourceMetrics: { resource: emptyResource(),
            scopeMetrics: metrics.length ? [{ scope: this.#scope, metrics }] : [] },
          errors,
        });
      },
    };
  }
}
