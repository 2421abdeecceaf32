/**
 * The OpenTelemetry SDK as `tsbpf run` wires it: a resource (service.name "tsbpf" unless
 * OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES say otherwise), a MeterProvider whose readers
 * (OTLP push, Prometheus pull, console) also collect the probe's aggregation maps through a
 * SnapshotMetricProducer, and a TracerProvider (OTLP batch, console) whose id generator honours
 * the ids of span records. Both providers are registered as the API's global ones, so the
 * probe's userspace code can create its own instruments and spans through `@opentelemetry/api`.
 *
 * The pipeline exists before the session (userspace code runs while the session starts) and is
 * bound to it once it runs. Only the CLI loads this module, lazily: the runtime itself speaks
 * the API.
 */
import { metrics, trace } from "@opentelemetry/api";
import { hrTime } from "@opentelemetry/core";
import {
  defaultResource, detectResources, envDetector, type Resource, resourceFromAttributes,
} from "@opentelemetry/resources";
import {
  type CollectionResult, ConsoleMetricExporter, MeterProvider, type MetricProducer, type MetricReader,
  PeriodicExportingMetricReader,
} from "@opentelemetry/sdk-metrics";
import {
  BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor, type SpanProcessor, TracerProvider,
} from "@opentelemetry/sdk-trace";
import { hostname } from "node:os";
import { type MapSnapshot, snapshot } from "../decode/map_snapshot.ts";
import { ProbeError } from "../probe_error.ts";
import type { Session } from "../session.ts";
import type { ExportConfig } from "./export_config.ts";
import { ExportErrorReporter } from "./export_error_reporter.ts";
import { RecordIdGenerator } from "./record_id_generator.ts";
import { SpanAccounting } from "./span_accounting.ts";
import { registerRuntimeMetrics, type RuntimeCounts, runtimeCounts } from "./runtime_metrics.ts";
import { exportedMaps } from "./snapshot_metrics.ts";
import { SnapshotMetricProducer, TELEMETRY_SCOPE } from "./snapshot_producer.ts";
import { type PendingIds, SpanBridge } from "./span_bridge.ts";
import { WallClock } from "./monotonic_clock.ts";

/** Telemetry for one run: bind it to the session once started, shut it down before closing. */
export interface Telemetry {
  /** Starts exporting `session`'s maps, span streams and runtime metrics. */
  bind(session: Session): void;
  /** Exports what `producer` collects instead of a session's maps (`tsbpf latency`). */
  bindProducer(producer: MetricProducer): void;
  /**
   * Takes the session's final state (call it after detaching, before closing the session):
   * later collections, including the final export, report it. Span records drained while the
   * session closes still become spans.
   */
  finish(): void;
  /** Final export, then stop; bounded in time so an unreachable collector cannot hang the exit. */
  shutdown(): Promise<void>;
  readonly meterProvider: MeterProvider;
  readonly tracerProvider: TracerProvider;
  /** Where the Prometheus endpoint listens, when there is one. */
  readonly prometheus?: { host: string; port: number };
}

export interface PipelineOptions {
  /** The probe's name, recorded as resource attribute `tsbpf.probe`. */
  probe: string;
  /** Lines for stderr (export failures, ignored settings). */
  err: (line: string) => void;
  /** Longest the final export may take at shutdown (default 5 s). */
  shutdownTimeoutMs?: number;
}

/** Builds and registers the SDK pipeline `config` describes. Throws ProbeError when a port is taken. */
export async function startPipeline(config: ExportConfig, options: PipelineOptions): Promise<Telemetry> {
  for (const warning of config.warnings) options.err(`tsbpf: ${warning}`);
  const reporter = new ExportErrorReporter(config.intervalMs, options.err);
  const uninstall = reporter.install();
  const resource = telemetryResource(options.probe);
  const producer = new LateProducer();
  const readers: MetricReader[] = [];
  const periodic = (exporter: ConstructorParameters<typeof PeriodicExportingMetricReader>[0]["exporter"]) =>
    new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: config.intervalMs,
      metricProducers: [producer] });
  // Unless OTEL_EXPORTER_OTLP_TIMEOUT says otherwise, an OTLP request (with its retries) gives
  // up before the reader's own deadline (the interval), so a failure reports its real cause
  // (connection refused, HTTP status) rather than "export timed out".
  const timeoutMillis = (signal: string) =>
    process.env.OTEL_EXPORTER_OTLP_TIMEOUT || process.env[`OTEL_EXPORTER_OTLP_${signal}_TIMEOUT`]
      ? undefined : Math.min(10_000, Math.max(100, Math.floor(config.intervalMs * 0.8)));
  // Exporter packages load only when used (the OTLP one costs about 4 MB of memory).
  if (config.metrics.otlp) {
    const { OTLPMetricExporter } = await import("@opentelemetry/exporter-metrics-otlp-proto");
    readers.push(periodic(new OTLPMetricExporter({ url: config.metrics.otlp.url,
      timeoutMillis: timeoutMillis("METRICS") })));
  }
  if (config.metrics.console) readers.push(periodic(new ConsoleMetricExporter()));
  const prom = config.metrics.prometheus;
  if (prom) {
    const { PrometheusExporter } = await import("@opentelemetry/exporter-prometheus");
    const exporter = new PrometheusExporter({ host: prom.host, port: prom.port, preventServerStart: true,
      metricProducers: [producer] });
    try {
      await exporter.startServer();
    } catch (error) {
      uninstall();
      throw new ProbeError("usage", `Cannot serve Prometheus metrics on ${prom.host}:${prom.port}: ` +
        `${(error as Error).message} (hint: choose another port with --prometheus)`);
    }
    readers.push(exporter);
  }
  const meterProvider = new MeterProvider({ resource, readers });
  // The bridge offers a record's ids here just before starting its span; the generator takes them.
  const pendingIds: PendingIds = {};
  const processors: SpanProcessor[] = [];
  // The batch processor drops spans when its queue is full: counted here, reported at shutdown.
  const accounting = new SpanAccounting();
  if (config.traces.otlp) {
    const { OTLPTraceExporter } = await import("@opentelemetry/exporter-trace-otlp-proto");
    // selfObsMeterProvider: the processor's own metrics (otel.sdk.processor.span.processed, with
    // error.type "queue_full" for dropped spans, and its queue's size and capacity) are exported
    // with the rest, so drops show while the run goes on, not only in the line at shutdown.
    processors.push(accounting.processor(new BatchSpanProcessor({ selfObsMeterProvider: meterProvider,
      exporter: accounting.exporter(new OTLPTraceExporter({ url: config.traces.otlp.url,
        timeoutMillis: timeoutMillis("TRACES") })) })));
  }
  if (config.traces.console) processors.push(new SimpleSpanProcessor({ exporter: new ConsoleSpanExporter() }));
  const tracerProvider = new TracerProvider({ resource, spanProcessors: processors,
    idGenerator: new RecordIdGenerator(pendingIds) });
  metrics.setGlobalMeterProvider(meterProvider);
  trace.setGlobalTracerProvider(tracerProvider);
  let unregister: (() => void) | undefined;
  let finish = () => {};
  let stopped = false;
  return {
    meterProvider,
    tracerProvider,
    prometheus: prom,
    bind(session) {
      // Spans cost memory and time per record: make them only when something exports them.
      if (processors.length) {
        new SpanBridge(tracerProvider.getTracer(TELEMETRY_SCOPE.name, TELEMETRY_SCOPE.version),
          WallClock.measure(), pendingIds).attach(session);
      }
      const maps = exportedMaps(session.artifact.maps);
      const live = () => maps.map((m) => snapshot(m, session.collection.map(m.name)));
      let final: { snapshots: MapSnapshot[]; counts: RuntimeCounts } | undefined;
      producer.current = new SnapshotMetricProducer(() => final?.snapshots ?? live(), hrTime());
      unregister = registerRuntimeMetrics(() => final?.counts ?? runtimeCounts(session),
        meterProvider.getMeter(TELEMETRY_SCOPE.name, TELEMETRY_SCOPE.version));
      finish = () => {
        final ??= { snapshots: live(), counts: runtimeCounts(session) };
      };
    },
    bindProducer(metricProducer) {
      producer.current = metricProducer;
    },
    finish: () => finish(),
    async shutdown() {
      if (stopped) return;
      stopped = true;
      const timeout = options.shutdownTimeoutMs ?? 5000;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<"late">((resolve) => { timer = setTimeout(() => resolve("late"), timeout); });
      const done = Promise.allSettled([meterProvider.shutdown(), tracerProvider.shutdown()]);
      const outcome = await Promise.race([done, late]);
      clearTimeout(timer);
      if (outcome === "late") {
        options.err(`tsbpf: the final telemetry export did not finish within ${timeout / 1000} s; giving up`);
      }
      // Once flushed the batch queue is empty: what never reached the exporter was dropped.
      const missing = accounting.notHandedOver;
      if (missing > 0) {
        options.err(outcome === "late"
          ? `tsbpf: ${missing} of ${accounting.ended} spans were not exported (queue full, or still queued when the export gave up)`
          : `tsbpf: dropped ${missing} of ${accounting.ended} spans (span export queue full)`);
      }
      if (accounting.failed > 0) {
        options.err(`tsbpf: ${accounting.failed} of ${accounting.ended} spans were in exports that failed`);
      }
      unregister?.();
      producer.current = undefined;
      reporter.flush();
      uninstall();
      metrics.disable();
      trace.disable();
    },
  };
}

/** The resource: SDK defaults, service.name tsbpf, then OTEL_RESOURCE_ATTRIBUTES and OTEL_SERVICE_NAME. */
export function telemetryResource(probe: string): Resource {
  return defaultResource()
    .merge(resourceFromAttributes({ "service.name": "tsbpf", "host.name": hostname(), "tsbpf.probe": probe }))
    .merge(detectResources({ detectors: [envDetector] }));
}

/** A producer readers hold from the start, answering nothing until the session is bound. */
class LateProducer implements MetricProducer {
  current?: MetricProducer;

  collect(): Promise<CollectionResult> {
    return this.current?.collect() ?? Promise.resolve({
      resourceMetrics: { resource: resourceFromAttributes({}), scopeMetrics: [] }, errors: [] });
  }
}
