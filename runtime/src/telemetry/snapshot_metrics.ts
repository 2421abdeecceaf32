/**
 * Map snapshots as OpenTelemetry metric data, exactly: the kernel's aggregates are already
 * cumulative totals, so each becomes a cumulative data point as it stands, with no re-recording.
 *
 * Which maps: aggregations with a telemetry name (`options.name`), not hidden.
 * - Count, Sum → a monotonic cumulative Sum, one data point per key (a Sum of a signed type,
 *   whose total may go down, a non-monotonic one: an up-down counter);
 * - Min, Max → a Gauge (an entry exists only once a value was recorded, so 0 is a real minimum);
 * - Stats / Avg → four instruments: `<name>.count` and `<name>.sum` (monotonic Sums; the sum
 *   of a signed type non-monotonic),
 *   `<name>.min` and `<name>.max` (Gauges);
 * - Histogram, LinearHistogram → a cumulative explicit-bucket Histogram whose boundaries match
 *   the kernel buckets (see histogram_buckets.ts); no sum, min or max (the kernel keeps none).
 * Key fields become attributes (see attributes.ts). u64 values become doubles in the SDK's data
 * model; they are exact up to 2^53.
 */
import { type HrTime, ValueType } from "@opentelemetry/api";
import {
  AggregationTemporality, type DataPoint, DataPointType, type Histogram, type MetricData,
  type MetricDescriptor,
} from "@opentelemetry/sdk-metrics";
import type { ArtifactMap } from "@ts-bpf/loader";
import type { MapSnapshot } from "../decode/map_snapshot.ts";
import { keyAttributes } from "./attributes.ts";
import { bucketCounts, highestUsedBucket } from "./histogram_buckets.ts";

const EXPORTED_KINDS = new Set(["Count", "Sum", "Min", "Max", "Stats", "Avg", "Histogram",
  "LinearHistogram"]);

/** The telemetry name of a map that is exported, or undefined when it is only printed. */
export function telemetryName(map: ArtifactMap): string | undefined {
  const name = map.options.name;
  return !map.hidden && EXPORTED_KINDS.has(map.kind) && typeof name === "string" && name !== ""
    ? name : undefined;
}

/** The maps of an artifact that become instruments. */
export function exportedMaps(maps: readonly ArtifactMap[]): ArtifactMap[] {
  return maps.filter((m) => telemetryName(m) !== undefined);
}

/** Metric data for the snapshots of exported maps; `start` is when the kernel began counting. */
export function snapshotMetrics(snapshots: readonly MapSnapshot[], start: HrTime, end: HrTime): MetricData[] {
  const out: MetricData[] = [];
  for (const snap of snapshots) {
    const name = telemetryName(snap.map);
    if (name === undefined) continue;
    const point = <T>(key: Parameters<typeof keyAttributes>[0], value: T): DataPoint<T> =>
      ({ startTime: start, endTime: end, attributes: keyAttributes(key), value });
    if (snap.kind === "table") {
      const kind = snap.map.kind;
      if (kind === "Count" || kind === "Sum") {
        out.push(sum(descriptor(snap.map, name), snap.entries.map((e) => point(e.key, toNumber(e.value))),
          !sumIsSigned(snap.map)));
      } else if (kind === "Min" || kind === "Max") {
        const entries = snap.entries;
        out.push(gauge(descriptor(snap.map, name), entries.map((e) => point(e.key, toNumber(e.value)))));
      }
    } else if (snap.kind === "stats") {
      const entries = snap.entries;
      out.push(sum(descriptor(snap.map, `${name}.count`, ""), entries.map((e) => point(e.key, Number(e.count)))));
      out.push(sum(descriptor(snap.map, `${name}.sum`), entries.map((e) => point(e.key, Number(e.sum))),
        !sumIsSigned(snap.map)));
      out.push(gauge(descriptor(snap.map, `${name}.min`), entries.map((e) => point(e.key, Number(e.min)))));
      out.push(gauge(descriptor(snap.map, `${name}.max`), entries.map((e) => point(e.key, Number(e.max)))));
    } else if (snap.kind === "histogram") {
      const through = Math.max(0, ...snap.series.map((s) => highestUsedBucket(s.buckets)));
      out.push({
        descriptor: descriptor(snap.map, name),
        aggregationTemporality: AggregationTemporality.CUMULATIVE,
        dataPointType: DataPointType.HISTOGRAM,
        dataPoints: snap.series.map((s) => {
          const { boundaries, counts, count } = bucketCounts(snap.map, s.buckets, through);
          const value: Histogram = { buckets: { boundaries, counts }, count };
          return point(s.key, value);
        }),
      });
    }
  }
  return out.filter((m) => m.dataPoints.length > 0);
}

function descriptor(map: ArtifactMap, name: string, unit?: string): MetricDescriptor {
  const description = map.options.description;
  return {
    name,
    description: typeof description === "string" ? description : "",
    unit: unit ?? (typeof map.options.unit === "string" ? map.options.unit : ""),
    valueType: ValueType.INT,
  };
}

function sum(descriptor: MetricDescriptor, dataPoints: DataPoint<number>[], isMonotonic = true): MetricData {
  return { descriptor, aggregationTemporality: AggregationTemporality.CUMULATIVE,
    dataPointType: DataPointType.SUM, isMonotonic, dataPoints };
}

/**
 * Whether a Sum's value, or a Stats' sum field, has a signed type: its total may go down, so it
 * is exported as a non-monotonic sum (an up-down counter), not a counter.
 */
export function sumIsSigned(map: ArtifactMap): boolean {
  const type = map.value.kind === "struct" ? map.value.fields.find((f) => f.name === "sum")?.type : map.value;
  return type?.kind === "int" && type.signed;
}

function gauge(descriptor: MetricDescriptor, dataPoints: DataPoint<number>[]): MetricData {
  return { descriptor, aggregationTemporality: AggregationTemporality.CUMULATIVE,
    dataPointType: DataPointType.GAUGE, dataPoints };
}

function toNumber(value: unknown): number {
  return typeof value === "bigint" || typeof value === "number" ? Number(value) : 0;
}
