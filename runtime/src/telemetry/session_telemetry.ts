/**
 * OpenTelemetry for an embedded session, through the API only: the session's named aggregation
 * maps as instruments (api_instruments.ts), its span streams as spans (span_bridge.ts) and the
 * runtime's own metrics (runtime_metrics.ts), on the providers given or the API's global ones
 * (whatever SDK the embedding program registered). Call it right after the session started so
 * no span record is missed.
 *
 * ```ts
 * await using probe = await load("probe.ts", { stats: true });
 * const telemetry = exportSessionTelemetry(probe);   // uses the global MeterProvider/TracerProvider
 * ...
 * telemetry.close();
 * ```
 */
import { type MeterProvider, metrics, trace, type TracerProvider } from "@opentelemetry/api";
import type { Session } from "../session.ts";
import { registerMapInstruments } from "./api_instruments.ts";
import { registerRuntimeMetrics } from "./runtime_metrics.ts";
import { SpanBridge } from "./span_bridge.ts";

export interface SessionTelemetryOptions {
  meterProvider?: MeterProvider;
  tracerProvider?: TracerProvider;
}

/** What exportSessionTelemetry set up; `close()` stops observing (spans already made stay). */
export interface SessionTelemetry {
  readonly spans: SpanBridge;
  close(): void;
}

const SCOPE = "@ts-bpf/runtime";

export function exportSessionTelemetry(session: Session, options: SessionTelemetryOptions = {}): SessionTelemetry {
  const meter = (options.meterProvider ?? metrics.getMeterProvider()).getMeter(SCOPE);
  const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(SCOPE);
  const spans = new SpanBridge(tracer);
  spans.attach(session);
  const undo = [registerMapInstruments(session, meter), registerRuntimeMetrics(session, meter)];
  return {
    spans,
    close: () => {
      for (const u of undo.splice(0)) u();
    },
  };
}
