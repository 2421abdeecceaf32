/**
 * Which OpenTelemetry exporters `tsbpf run` starts, from its flags and the standard OTEL_*
 * variables. Pure: it reads only what it is given, so tests pass their own environment.
 *
 * - `--otlp URL`: OTLP over HTTP (protobuf) for metrics and spans, to URL/v1/metrics and
 *   URL/v1/traces (URL as in OTEL_EXPORTER_OTLP_ENDPOINT).
 * - Without `--otlp`, OTLP is on when OTEL_EXPORTER_OTLP_ENDPOINT (or the per-signal
 *   OTEL_EXPORTER_OTLP_METRICS_ENDPOINT / _TRACES_ENDPOINT) is set; the exporter then reads
 *   those variables, and the _HEADERS, _TIMEOUT, _COMPRESSION ones, itself.
 * - `--prometheus [HOST:]PORT`: a scrape endpoint at /metrics (host localhost by default).
 * - `--console`: metrics and spans printed on stdout by the SDK's console exporters.
 * - OTEL_METRICS_EXPORTER / OTEL_TRACES_EXPORTER (otlp, prometheus, console, none), when set,
 *   choose the exporters instead of the endpoint variables; OTEL_EXPORTER_PROMETHEUS_HOST/_PORT
 *   place the scrape endpoint; OTEL_SDK_DISABLED=true turns the variables off (flags still
 *   work). OTEL_METRIC_EXPORT_INTERVAL (ms, default 10000) paces pushed metrics.
 * - No flag and no variable: no exporter at all; `tsbpf run` prints maps at the end, as
 *   bpftrace does, and does not even load the SDK.
 */
import { ProbeError } from "../probe_error.ts";

/** Where OTLP data goes; without a url the exporter reads OTEL_EXPORTER_OTLP_* itself. */
export interface OtlpTarget {
  url?: string;
}

export interface ExportConfig {
  metrics: { otlp?: OtlpTarget; prometheus?: { host: string; port: number }; console: boolean };
  traces: { otlp?: OtlpTarget; console: boolean };
  /** How often pushed metrics are exported, ms. */
  intervalMs: number;
  /** Settings that were ignored, each a sentence for stderr. */
  warnings: string[];
}

export interface ExportFlags {
  otlp?: string;
  prometheus?: string;
  console?: boolean;
}

/** The default push interval: long enough to be cheap, short enough to watch a probe live. */
export const DEFAULT_INTERVAL_MS = 10_000;

/** The exporters to start, or undefined when none is asked for. Throws ProbeError on bad flags. */
export function exportConfig(flags: ExportFlags, env: Record<string, string | undefined>): ExportConfig | undefined {
  const config: ExportConfig = {
    metrics: { console: false }, traces: { console: false },
    intervalMs: interval(env), warnings: [],
  };
  if (flags.otlp !== undefined) {
    const base = otlpBase(flags.otlp);
    config.metrics.otlp = { url: `${base}/v1/metrics` };
    config.traces.otlp = { url: `${base}/v1/traces` };
  }
  if (flags.prometheus !== undefined) config.metrics.prometheus = prometheusAddress(flags.prometheus, "--prometheus");
  if (flags.console) config.metrics.console = config.traces.console = true;
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() !== "true") fromEnvironment(config, env);
  const { metrics, traces } = config;
  const any = metrics.otlp || metrics.prometheus || metrics.console || traces.otlp || traces.console;
  return any ? config : undefined;
}

function fromEnvironment(config: ExportConfig, env: Record<string, string | undefined>): void {
  const set = (name: string) => (env[name] ?? "").trim() !== "";
  const list = (name: string) => set(name)
    ? env[name]!.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean) : undefined;
  const metricsExporters = list("OTEL_METRICS_EXPORTER") ??
    (set("OTEL_EXPORTER_OTLP_ENDPOINT") || set("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT") ? ["otlp"] : []);
  const traceExporters = list("OTEL_TRACES_EXPORTER") ??
    (set("OTEL_EXPORTER_OTLP_ENDPOINT") || set("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") ? ["otlp"] : []);
  for (const name of metricsExporters) {
    if (name === "otlp") config.metrics.otlp ??= {};
    else if (name === "prometheus") {
      const host = env.OTEL_EXPORTER_PROMETHEUS_HOST?.trim() || "localhost";
      const port = env.OTEL_EXPORTER_PROMETHEUS_PORT?.trim() || "9464";
      config.metrics.prometheus ??= prometheusAddress(`${host}:${port}`, "OTEL_EXPORTER_PROMETHEUS_PORT");
    } else if (name === "console") config.metrics.console = true;
    else if (name !== "none") config.warnings.push(`OTEL_METRICS_EXPORTER '${name}' is not supported (otlp, prometheus, console, none); ignored`);
  }
  for (const name of traceExporters) {
    if (name === "otlp") config.traces.otlp ??= {};
    else if (name === "console") config.traces.console = true;
    else if (name !== "none") config.warnings.push(`OTEL_TRACES_EXPORTER '${name}' is not supported (otlp, console, none); ignored`);
  }
  for (const name of ["OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL",
    "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"]) {
    const value = env[name]?.trim();
    if (value && value !== "http/protobuf") {
      config.warnings.push(`${name}=${value} is not supported; tsbpf sends OTLP as http/protobuf`);
    }
  }
}

function otlpBase(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ProbeError("usage", `--otlp needs a URL such as http://localhost:4318, not '${url}'`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new ProbeError("usage", `--otlp needs an http or https URL, not '${url}' (OTLP/gRPC is not supported)`);
  }
  return url.replace(/\/+$/, "");
}

/** `PORT` or `HOST:PORT` (`[::1]:PORT` for IPv6). */
function prometheusAddress(text: string, what: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]:|([^:]+):)?(\d+)$/.exec(text.trim());
  const port = match ? Number(match[3]) : NaN;
  if (!match || !(port > 0 && port < 65536)) {
    throw new ProbeError("usage", `${what} needs a port or host:port, such as 9464 or 127.0.0.1:9464, not '${text}'`);
  }
  return { host: match[1] ?? match[2] ?? "localhost", port };
}

function interval(env: Record<string, string | undefined>): number {
  const text = env.OTEL_METRIC_EXPORT_INTERVAL?.trim();
  const ms = text ? Number(text) : NaN;
  return ms > 0 ? ms : DEFAULT_INTERVAL_MS;
}
