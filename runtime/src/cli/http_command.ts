/**
 * `tsbpf http`: zero-code HTTP/1.x instrumentation. Starts the HTTP monitor
 * (runtime/src/http/http_monitor.ts) for every process but tsbpf itself, or the ones --pid,
 * --exe and --port select, and exports a span and request-duration metrics per request, named
 * as OpenTelemetry eBPF Instrumentation (OBI) names them. With --otlp, --prometheus or --console
 * (or the OTEL_* variables) they go to those exporters; without, one line per request is printed
 * (or a JSON object per line with --output json). Runs until Ctrl-C, SIGTERM or --duration.
 * Lists are comma-separated (`--port 80,8000-8010`); OBI's OTEL_EBPF_TARGET_PID,
 * OTEL_EBPF_AUTO_TARGET_EXE and OTEL_EBPF_OPEN_PORT stand in for a missing flag.
 */
import { ProbeError } from "../probe_error.ts";
import { exportConfig } from "../telemetry/export_config.ts";
import { prepareTelemetry } from "../telemetry/wiring.ts";
import { HttpMonitor, type HttpSelection } from "../http/http_monitor.ts";
import type { ExchangeSummary } from "../http/http_telemetry.ts";
import type { UnmatchedRoutes } from "../http/route_heuristic.ts";
import { flagString, type ParsedArgs } from "./args.ts";
import { stopSignal } from "./stop_signal.ts";

/** OBI's instrumentation scope, so dashboards built for OBI find the same data. */
const SCOPE = "go.opentelemetry.io/obi";

export const HTTP_USAGE = `  http [--pid N,..] [--exe GLOB,..] [--port N,..] [--duration S] [--output text|json]
      [--route PATTERN,..] [--routes heuristic|path|wildcard|unset] [--otlp URL]
      [--prometheus [HOST:]PORT] [--console]
                                          spans and metrics for every HTTP/1.x request served or
                                          made on this machine, named as OBI names them`;

export async function httpCommand(args: ParsedArgs, out: (line: string) => void,
  err: (line: string) => void): Promise<number> {
  const output = flagString(args, "output") ?? "text";
  if (output !== "text" && output !== "json") {
    throw new ProbeError("usage", `--output must be text or json, not '${output}'`);
  }
  const durationText = flagString(args, "duration");
  const duration = durationText === undefined ? undefined : Number(durationText);
  if (duration !== undefined && !(duration > 0)) {
    throw new ProbeError("usage", `--duration needs a number of seconds, not '${durationText}'`);
  }
  const unmatched = flagString(args, "routes") ?? "heuristic";
  if (!["heuristic", "path", "wildcard", "unset"].includes(unmatched)) {
    throw new ProbeError("usage", `--routes must be heuristic, path, wildcard or unset, not '${unmatched}'`);
  }
  const stop = stopSignal();
  const telemetry = await prepareTelemetry(args, err);
  const print = output === "json"
    ? (x: ExchangeSummary) => out(JSON.stringify(x, (_k, v) => typeof v === "bigint" ? v.toString() : v))
    : (x: ExchangeSummary) => out(summaryLine(x));
  let monitor: HttpMonitor;
  const onExchange = telemetry && output === "text" ? undefined : print;
  // Printed lines show trace and span ids, so spans need a real SDK tracer even with no exporter;
  // with neither printed lines nor a span exporter, no span is made (metrics only).
  const spans = onExchange !== undefined || tracesExported(args);
  const tracer = !spans ? undefined : telemetry ? telemetry.tracerProvider.getTracer(SCOPE) : await standaloneTracer();
  // With an exporter, the histograms are aggregated here and read by the pipeline's readers
  // (local_histograms.ts: a fraction of the SDK instruments' cost per request).
  const histograms = telemetry ? new (await import("../http/local_histograms.ts")).LocalHistograms({ name: SCOPE }) : undefined;
  try {
    monitor = await HttpMonitor.start({
      select: httpSelection(args),
      routes: { patterns: list(args, "route"), unmatched: unmatched as UnmatchedRoutes },
      // Without an exporter the console gets one line per request (the issue's default).
      onExchange,
      progress: (line) => err(line),
      tracer,
      spans,
      histograms,
    });
  } catch (error) {
    await telemetry?.shutdown();
    throw error;
  }
  telemetry?.bind(monitor.session);
  // In place of the session's maps, which the capture probe exports none of.
  if (histograms) telemetry?.bindProducer(histograms.producer());
  err(duration ? `tracing HTTP for ${duration} s` : "tracing HTTP; Ctrl-C to stop");
  await stop.wait(duration);
  monitor.session.detach();
  telemetry?.finish();
  const stats = monitor.session.stats(); // before closing: it reads the kernel's drop counter
  await monitor.close();
  await telemetry?.shutdown();
  if (stats.lost > 0n) err(`lost ${stats.lost} records (ring buffer full): some requests were not seen`);
  return 0;
}

/** Whether the flags and OTEL_* variables ask for spans to be exported (as prepareTelemetry reads them). */
function tracesExported(args: ParsedArgs): boolean {
  const config = exportConfig({
    otlp: flagString(args, "otlp"), prometheus: flagString(args, "prometheus"), console: args.flags.has("console"),
  }, process.env);
  return Boolean(config?.traces.otlp || config?.traces.console);
}

async function standaloneTracer() {
  const { TracerProvider } = await import("@opentelemetry/sdk-trace");
  return new TracerProvider().getTracer(SCOPE);
}

/** `SERVER python3 GET /users/* 200 1.234 ms (GET /users/42)`. */
export function summaryLine(x: ExchangeSummary): string {
  const ms = (Number(x.endNs - x.startNs) / 1e6).toFixed(3);
  return `${x.kind === "server" ? "SERVER" : "CLIENT"} ${x.service}[${x.pid}] ${x.name} ${x.status}` +
    `${x.error ? " ERROR" : ""} ${ms} ms ${x.method} ${x.path}` +
    `${x.parentSpanId ? ` parent=${x.parentSpanId}` : ""} trace=${x.traceId} span=${x.spanId}`;
}

/** The processes --pid, --exe and --port select, or OBI's variables when a flag is missing. */
export function httpSelection(args: ParsedArgs, env: Record<string, string | undefined> = process.env): HttpSelection {
  return {
    pids: numbers(args, "pid", env.OTEL_EBPF_TARGET_PID),
    exes: list(args, "exe", env.OTEL_EBPF_AUTO_TARGET_EXE),
    ports: numbers(args, "port", env.OTEL_EBPF_OPEN_PORT),
  };
}

function list(args: ParsedArgs, name: string, fallback?: string): string[] | undefined {
  const value = flagString(args, name) ?? fallback;
  return value === undefined ? undefined : value.split(",").map((v) => v.trim()).filter(Boolean);
}

/** Numbers and ranges (`80,8000-8010`). */
function numbers(args: ParsedArgs, name: string, fallback?: string): number[] | undefined {
  const items = list(args, name, fallback);
  if (!items) return undefined;
  const out: number[] = [];
  for (const item of items) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(item);
    if (!m) throw new ProbeError("usage", `--${name} takes numbers and ranges (80,8000-8010), not '${item}'`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to - from > 65535) throw new ProbeError("usage", `--${name} range '${item}' is too wide`);
    for (let n = from; n <= to; n++) out.push(n);
  }
  return out;
}
