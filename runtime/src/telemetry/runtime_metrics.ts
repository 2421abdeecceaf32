/**
 * The runtime's own metrics, through the OpenTelemetry API (observable counters read at each
 * collection, so they are exact cumulative totals):
 * - `tsbpf.ringbuf.lost` {record}: records the kernel could not write because a ring buffer
 *   was full, per stream (attribute `map`, the probe's variable);
 * - `tsbpf.program.run_count` {run} and `tsbpf.program.run_time` (ns): how often each program
 *   ran and for how long (attribute `program`); the kernel counts these only while
 *   `kernel.bpf_stats_enabled` is on, which a session does with its `stats` option.
 */
import { type BatchObservableResult, type Meter, ValueType } from "@opentelemetry/api";
import { droppedRecords } from "../decode/map_snapshot.ts";
import type { Session, SessionStats } from "../session.ts";

/** The counters behind the runtime metrics at one moment. */
export interface RuntimeCounts {
  lost: { map: string; records: bigint }[];
  programs: SessionStats["programs"];
}

/** Reads the runtime counters of a live session. */
export function runtimeCounts(session: Session): RuntimeCounts {
  return {
    lost: session.artifact.maps.filter((m) => m.dropsMap && !m.hidden).map((m) =>
      ({ map: m.variable, records: droppedRecords(session.collection.map(m.dropsMap!)) })),
    programs: session.stats().programs,
  };
}

/**
 * Registers the runtime metrics on `meter`, read from `read` (a live session, or its final
 * counts once it is closing); returns a function that removes them.
 */
export function registerRuntimeMetrics(read: Session | (() => RuntimeCounts), meter: Meter): () => void {
  const counts = typeof read === "function" ? read : () => runtimeCounts(read);
  const lost = meter.createObservableCounter("tsbpf.ringbuf.lost", {
    description: "Ring-buffer records lost because the buffer was full", unit: "{record}", valueType: ValueType.INT });
  const runs = meter.createObservableCounter("tsbpf.program.run_count", {
    description: "Times each BPF program ran (kernel.bpf_stats_enabled)", unit: "{run}", valueType: ValueType.INT });
  const runTime = meter.createObservableCounter("tsbpf.program.run_time", {
    description: "Time spent in each BPF program (kernel.bpf_stats_enabled)", unit: "ns", valueType: ValueType.INT });
  const callback = (result: BatchObservableResult) => {
    const now = counts();
    for (const l of now.lost) result.observe(lost, Number(l.records), { map: l.map });
    for (const p of now.programs) {
      result.observe(runs, Number(p.runCount), { program: p.name });
      result.observe(runTime, Number(p.runTimeNs), { program: p.name });
    }
  };
  meter.addBatchObservableCallback(callback, [lost, runs, runTime]);
  return () => meter.removeBatchObservableCallback(callback, [lost, runs, runTime]);
}
