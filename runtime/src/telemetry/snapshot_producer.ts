/**
 * An OpenTelemetry SDK `MetricProducer` that reads a session's aggregation maps at each
 * collection and hands the SDK exact cumulative data points (see snapshot_metrics.ts).
 *
 * Why a producer rather than instruments: the kernel already aggregated. Through the API alone a
 * histogram can only be fed value by value, which would re-record every event in userspace and
 * lose the kernel's exact buckets; a producer passes the kernel's totals through unchanged.
 * Readers take it in their `metricProducers` option (PeriodicExportingMetricReader,
 * PrometheusExporter); the SDK's own instruments (the runtime metrics, anything the probe's
 * userspace code creates through the API) are collected beside it.
 */
import { type HrTime } from "@opentelemetry/api";
import { hrTime } from "@opentelemetry/core";
import { emptyResource } from "@opentelemetry/resources";
import type { CollectionResult, MetricCollectOptions, MetricProducer } from "@opentelemetry/sdk-metrics";
import type { MapSnapshot } from "../decode/map_snapshot.ts";
import { snapshot } from "../decode/map_snapshot.ts";
import type { Session } from "../session.ts";
import { exportedMaps, snapshotMetrics } from "./snapshot_metrics.ts";

/** The instrumentation scope of everything tsbpf exports. */
export const TELEMETRY_SCOPE = { name: "@ts-bpf/runtime", version: "0.1.0" };

export class SnapshotMetricProducer implements MetricProducer {
  readonly #read: () => MapSnapshot[];
  readonly #start: HrTime;

  /**
   * @param read returns the current snapshots of the maps to export (others are ignored).
   * @param start when the kernel began counting (the data points' start time); now by default.
   */
  constructor(read: () => MapSnapshot[], start: HrTime = hrTime()) {
    this.#read = read;
    this.#start = start;
  }

  /** A producer for a live session's named aggregation maps. */
  static forSession(session: Session, start?: HrTime): SnapshotMetricProducer {
    const maps = exportedMaps(session.artifact.maps);
    return new SnapshotMetricProducer(() => maps.map((m) => snapshot(m, session.collection.map(m.name))), start);
  }

  collect(_options?: MetricCollectOptions): Promise<CollectionResult> {
    const errors: unknown[] = [];
    let metrics: ReturnType<typeof snapshotMetrics> = [];
    try {
      metrics = snapshotMetrics(this.#read(), this.#start, hrTime());
    } catch (error) {
      // A map that cannot be read (the session closed under a late export) must not stop the
      // other metrics; the reader reports collection errors.
      errors.push(error);
    }
    return Promise.resolve({
      resourceMetrics: {
        resource: emptyResource(),
        scopeMetrics: metrics.length ? [{ scope: TELEMETRY_SCOPE, metrics }] : [],
      },
      errors,
    });
  }
}
