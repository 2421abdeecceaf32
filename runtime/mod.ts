/**
 * @ts-bpf/runtime — run probes written in TypeScript: compile (or read an artifact), load,
 * attach, decode what they record, export it to OpenTelemetry, and print it like bpftrace.
 *
 * Embedding:
 * ```ts
 * import { load } from "@ts-bpf/runtime";
 * await using probe = await load("probes/count_opens.ts");
 * probe.on("events", (e) => console.log(e));
 * console.log(probe.snapshots());
 * ```
 */
import type { Artifact } from "@ts-bpf/loader";
import type { MetricProducer } from "@opentelemetry/sdk-metrics";
import { Session, type SessionOptions } from "./src/session.ts";

export { Session, type SessionOptions, type SessionStats } from "./src/session.ts";
export { type DecodedValue, decodeValue, encodeValue } from "./src/decode/value_codec.ts";
export { type MapSnapshot, snapshot } from "./src/decode/map_snapshot.ts";
export { textReport } from "./src/output/text_report.ts";
export { jsonLines } from "./src/output/json_report.ts";
export { ProbeError } from "./src/probe_error.ts";
export {
  exportSessionTelemetry, type SessionTelemetry, type SessionTelemetryOptions,
} from "./src/telemetry/session_telemetry.ts";
export { type PendingIds, SpanBridge } from "./src/telemetry/span_bridge.ts";
export { WallClock } from "./src/telemetry/monotonic_clock.ts";
export { HttpMonitor, type HttpMonitorOptions, type HttpSelection } from "./src/http/http_monitor.ts";
export type { ExchangeSummary } from "./src/http/http_telemetry.ts";
export * as latency from "./src/latency/mod.ts";
export { type ProbeSource, simulate, type SimulateOptions } from "./src/simulator/simulate.ts";
export { type ContextValue, type RegistersContext, type SimContext, Simulator, type SimulatorOptions,
  type SimTask } from "./src/simulator/simulator.ts";

/**
 * An OpenTelemetry SDK `MetricProducer` with a session's named aggregation maps as exact
 * cumulative data points (kernel histogram buckets unchanged); give it to a metric reader's
 * `metricProducers`. Loads @opentelemetry/sdk-metrics on first use, so `load()` alone does not.
 */
export async function snapshotMetricProducer(session: Session): Promise<MetricProducer> {
  const { SnapshotMetricProducer } = await import("./src/telemetry/snapshot_producer.ts");
  return SnapshotMetricProducer.forSession(session);
}

/**
 * Loads a probe (a .ts file, compiled now) or a compiled artifact, attached and running, with
 * its userspace code bound to the live maps. Close it (or `await using`) to detach.
 */
export function load(probe: string | Artifact, options: SessionOptions = {}): Promise<Session> {
  return typeof probe === "string" ? Session.fromSource(probe, options) : Session.start(probe, options);
}
