/**
 * A session's named aggregation maps as instruments of an API `Meter`, for embedders whose
 * OpenTelemetry SDK is their own (the CLI uses the exact SnapshotMetricProducer instead).
 *
 * Counts and sums are observable counters and Min/Max/Stats observable gauges and counters
 * (same names as snapshot_metrics.ts): observed cumulative totals, exact. A histogram has no
 * observable form in the API, so at each collection the new counts per kernel bucket are
 * recorded into a histogram instrument whose advised boundaries are the kernel's: bucket counts
 * are exact, the sum is that of each bucket's upper bound (an estimate), and the cost is one
 * `record()` per event since the last collection — fine for modest rates; prefer the producer
 * for busy histograms.
 *
 * The API runs batch callbacks only for observable instruments, so one more is always there:
 * `tsbpf.map.series`, a gauge of how many keys (series) each exported map holds (attribute
 * `map`, the telemetry name), which also shows a map nearing its entry limit.
 */
import type { Attributes, BatchObservableResult, Histogram, Meter, Observable } from "@opentelemetry/api";
import { ValueType } from "@opentelemetry/api";
import type { ArtifactMap } from "@ts-bpf/loader";
import { type MapSnapshot, snapshot } from "../decode/map_snapshot.ts";
import type { Session } from "../session.ts";
import { keyAttributes } from "./attributes.ts";
import { kernelBoundaries, kernelBucketCount } from "./histogram_buckets.ts";
import { exportedMaps, sumIsSigned, telemetryName } from "./snapshot_metrics.ts";

/** Registers instruments for `session`'s named aggregations on `meter`; returns the undo. */
export function registerMapInstruments(session: Session, meter: Meter): () => void {
  const maps = exportedMaps(session.artifact.maps);
  return registerInstruments(maps, () => maps.map((m) => snapshot(m, session.collection.map(m.name))), meter);
}

/** The same for any source of snapshots (tests pass their own). */
export function registerInstruments(maps: readonly ArtifactMap[], read: () => MapSnapshot[], meter: Meter): () => void {
  const series = meter.createObservableGauge("tsbpf.map.series", {
    description: "Keys (series) held by each exported aggregation map", unit: "{series}", valueType: ValueType.INT });
  const observables: Observable[] = [series];
  const byMap = new Map<ArtifactMap, (snap: MapSnapshot, result: BatchObservableResult) => void>();
  for (const map of maps) {
    const name = telemetryName(map)!;
    const options = (unit?: string) => ({
      description: typeof map.options.description === "string" ? map.options.description : "",
      unit: unit ?? (typeof map.options.unit === "string" ? map.options.unit : ""),
      valueType: ValueType.INT,
    });
    if (map.kind === "Count" || map.kind === "Sum" || map.kind === "Min" || map.kind === "Max") {
      const gauge = map.kind === "Min" || map.kind === "Max";
      const instrument = gauge ? meter.createObservableGauge(name, options())
        : sumIsSigned(map) ? meter.createObservableUpDownCounter(name, options())
        : meter.createObservableCounter(name, options());
      observables.push(instrument);
      byMap.set(map, (snap, result) => {
        if (snap.kind !== "table") return;
        for (const e of snap.entries) {
          const value = Number(e.value);
          result.observe(instrument, value, keyAttributes(e.key));
        }
      });
    } else if (map.kind === "Stats" || map.kind === "Avg") {
      const count = meter.createObservableCounter(`${name}.count`, options(""));
      const total = sumIsSigned(map) ? meter.createObservableUpDownCounter(`${name}.sum`, options())
        : meter.createObservableCounter(`${name}.sum`, options());
      const min = meter.createObservableGauge(`${name}.min`, options());
      const max = meter.createObservableGauge(`${name}.max`, options());
      observables.push(count, total, min, max);
      byMap.set(map, (snap, result) => {
        if (snap.kind !== "stats") return;
        for (const e of snap.entries) {
          const attributes = keyAttributes(e.key);
          result.observe(count, Number(e.count), attributes);
          result.observe(total, Number(e.sum), attributes);
          result.observe(min, Number(e.min), attributes);
          result.observe(max, Number(e.max), attributes);
        }
      });
    } else {
      const boundaries = kernelBoundaries(map);
      const histogram = meter.createHistogram(name, { ...options(), advice: { explicitBucketBoundaries: boundaries } });
      const feeder = new HistogramFeeder(histogram, boundaries, kernelBucketCount(map));
      byMap.set(map, (snap) => {
        if (snap.kind === "histogram") for (const s of snap.series) feeder.feed(keyAttributes(s.key), s.buckets);
      });
    }
  }
  const callback = (result: BatchObservableResult) => {
    for (const snap of read()) {
      byMap.get(snap.map)?.(snap, result);
      const keys = snap.kind === "histogram" ? snap.series.length : snap.kind === "stream" ? 0 : snap.entries.length;
      result.observe(series, keys, { map: telemetryName(snap.map)! });
    }
  };
  meter.addBatchObservableCallback(callback, observables);
  return () => meter.removeBatchObservableCallback(callback, observables);
}

/** Records each series' new bucket counts since the last collection. */
class HistogramFeeder {
  readonly #previous = new Map<string, bigint[]>();
  readonly #values: number[];

  constructor(readonly histogram: Histogram, boundaries: number[], buckets: number) {
    // A value inside each bucket: its inclusive upper bound, and for the last one the value
    // just above the last boundary.
    this.#values = Array.from({ length: buckets }, (_, i) =>
      i < boundaries.length ? boundaries[i]! : boundaries[boundaries.length - 1]! + 1);
  }

  feed(attributes: Attributes, buckets: readonly bigint[]): void {
    const id = JSON.stringify(attributes);
    const before = this.#previous.get(id) ?? [];
    for (let i = 0; i < this.#values.length; i++) {
      const delta = (buckets[i] ?? 0n) - (before[i] ?? 0n);
      for (let n = 0n; n < delta; n++) this.histogram.record(this.#values[i]!, attributes);
    }
    this.#previous.set(id, buckets.slice());
  }
}
