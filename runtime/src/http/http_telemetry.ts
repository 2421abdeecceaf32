/**
 * Turns HTTP exchanges into OpenTelemetry spans and histograms named as OBI v0.12 names them,
 * through @opentelemetry/api (the CLI's SDK pipeline, or whatever SDK an embedding program
 * registered, exports them; the CLI aggregates the histograms itself, local_histograms.ts, and
 * makes spans only when something exports or prints them):
 *
 * - server spans `"{METHOD} {route}"` of kind SERVER, client spans `"{METHOD} {route}"` of kind
 *   CLIENT; status ERROR for a server status >= 500, a client status >= 400, or no response;
 *   attributes as OBI's trace attribute selector emits them (§3.3 of OBI_SPEC.md);
 * - histograms `http.{server,client}.request.duration` (s) and `http.{server,client}.{request,
 *   response}.body.size` (By, wire bytes as OBI counts them by default) with OBI's explicit
 *   bucket boundaries and default datapoint attributes (§1.4), bare IPs replaced by
 *   `unresolved` / `outgoing` as OBI does on metrics.
 *
 * A server span starts when its request is seen, so client calls made while serving it can be
 * its children; it ends when its response has been written. `service.name` (and a non-empty
 * `service.namespace`) of the traced process are span and datapoint attributes: the API gives
 * no per-process resource, which OBI has (one resource per instrumented service).
 *
 * Per exchange, only what differs between exchanges is worked out: a target's route and query
 * are remembered by target, and each connection keeps its process identity, its server port and
 * the histogram series of its last exchange, reused while method, status, route and Host stay
 * the same (a keep-alive connection's requests mostly repeat). Span names are made only for
 * spans and printed summaries.
 */
import {
  type Attributes, type Meter, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace, type Tracer,
} from "@opentelemetry/api";
import { isIP } from "node:net";
import type { WallClock } from "../telemetry/monotonic_clock.ts";
import type { ConnectionInfo, ExchangeListener, HttpExchange } from "./exchange_tracker.ts";
import { type HistogramSeries, type HttpHistograms, type MetricFields, SdkHistograms } from "./http_histograms.ts";
import type { IdentityCache, ProcessIdentity } from "./process_identity.ts";
import type { SocketTable } from "./socket_table.ts";
import { type RouteMatcher, stripQuery } from "./route_heuristic.ts";
import { redactedQuery } from "./url_redaction.ts";

/** A finished exchange in a few words, for the console and JSON output and for tests. */
export interface ExchangeSummary {
  kind: "server" | "client";
  service: string;
  pid: number;
  name: string;
  method: string;
  path: string;
  route?: string;
  status: number;
  error: boolean;
  startNs: bigint;
  endNs: bigint;
  requestBytes: number;
  responseBytes: number;
  serverAddress?: string;
  serverPort?: number;
  clientAddress?: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
}

export interface HttpTelemetryOptions {
  /**
   * Where spans go; undefined: no spans at all, only metrics (when nothing exports spans, making
   * them is most of an exchange's cost). Summaries then carry empty trace and span ids.
   */
  tracer?: Tracer;
  /** Where measurements go: a Meter's instruments, or histograms aggregated here (the CLI's). */
  metrics: Meter | HttpHistograms;
  clock: WallClock;
  routes: RouteMatcher;
  identities: IdentityCache;
  sockets: SocketTable;
  /** The local host's name: `server.address` of server spans. */
  hostName: string;
  onExchange?: (summary: ExchangeSummary) => void;
}

/** What a request target gives the span and the metrics (the same for the same target): kept with each exchange. */
interface TargetParts {
  route?: string;
  path: string;
  query?: string;
}

/** What is kept with each connection (ConnectionInfo.data). */
interface ConnectionMemo {
  identity: ProcessIdentity;
  /** `server.port` of a server connection, once /proc told it; -1 until then (numbers only: one type for the JIT). */
  localPort: number;
  /** The last exchange's series, and what chose it. */
  series: HistogramSeries | undefined;
  method: string | undefined;
  status: number;
  route: string | undefined;
  host: string | undefined;
  port: number;
}

/**
 * Targets whose parts are remembered: a service's requests mostly repeat a few targets (a
 * health check, a hot URL), and the route heuristic and query redaction cost more than the rest
 * of an exchange's own work. Cleared when full, so memory stays bounded whatever the traffic.
 */
const TARGET_CACHE_SIZE = 4096;

export class HttpTelemetry implements ExchangeListener {
  readonly #o: HttpTelemetryOptions;
  readonly #histograms: HttpHistograms;
  readonly #targets = new Map<string, TargetParts>();
  /** `server.address` of server metrics: the host name, or `unresolved` when it is an IP. */
  readonly #hostMetricAddress: string;

  constructor(options: HttpTelemetryOptions) {
    this.#o = options;
    this.#histograms = "record" in options.metrics ? options.metrics : new SdkHistograms(options.metrics);
    this.#hostMetricAddress = isIP(options.hostName) ? "unresolved" : options.hostName;
  }

  started(x: HttpExchange): void {
    x.data = this.#parts(x.target) satisfies TargetParts;
    // A client call's span starts now, under its parent's (started on demand); a server span
    // starts when it ends or when a child needs it, so a request dropped as malformed leaves no
    // span behind.
    if (x.connection.role === "client" && this.#o.tracer) this.#span(x);
  }

  #parts(target: string): TargetParts {
    let parts = this.#targets.get(target);
    if (parts) return parts;
    if (this.#targets.size >= TARGET_CACHE_SIZE) this.#targets.clear();
    parts = { route: this.#o.routes.route(target), path: stripQuery(target), query: redactedQuery(target) };
    this.#targets.set(target, parts);
    return parts;
  }

  dropped(x: HttpExchange): void {
    const span = x.span as Span | undefined;
    if (!span) return;
    span.setAttribute("tsbpf.malformed", true);
    span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(this.#o.clock.hrTime(x.startNs));
  }

  #span(x: HttpExchange): Span {
    if (x.span) return x.span as Span;
    const parent = x.parent?.data ? this.#span(x.parent) : undefined;
    const ctx = parent ? trace.setSpan(ROOT_CONTEXT, parent) : ROOT_CONTEXT;
    const span = this.#o.tracer!.startSpan(spanName(x), {
      kind: x.connection.role === "server" ? SpanKind.SERVER : SpanKind.CLIENT,
      startTime: this.#o.clock.hrTime(x.startNs),
    }, ctx);
    x.span = span;
    return span;
  }

  #memo(c: ConnectionInfo): ConnectionMemo {
    let memo = c.data as ConnectionMemo | undefined;
    if (!memo) {
      memo = { identity: this.#o.identities.get(c.pid), localPort: -1, series: undefined, method: undefined,
        status: 0, route: undefined, host: undefined, port: -1 };
      c.data = memo;
    }
    // An unknown port is asked again (the socket may show up in /proc later).
    if (c.role === "server" && memo.localPort < 0) memo.localPort = this.#o.sockets.localPort(c.pid, c.listenFd) ?? -1;
    return memo;
  }

  finished(x: HttpExchange): void {
    const parts = x.data as TargetParts | undefined;
    if (!parts) return;
    const server = x.connection.role === "server";
    const memo = this.#memo(x.connection);
    // The histograms first: the one thing done for every exchange.
    let series = memo.series;
    if (series === undefined || memo.method !== x.method || memo.status !== x.status || memo.route !== parts.route ||
      memo.host !== x.host || memo.port !== memo.localPort) {
      series = this.#histograms.series(server ? "server" : "client", this.#fields(x, memo, parts));
      memo.series = series;
      memo.method = x.method;
      memo.status = x.status;
      memo.route = parts.route;
      memo.host = x.host;
      memo.port = memo.localPort;
    }
    series.record(Math.max(0, x.endAt - x.startAt) / 1e9, x.requestBytes, x.responseBytes);
    if (this.#o.tracer || this.#o.onExchange) this.#spanAndSummary(x, parts, memo);
  }

  /** The span and the printed summary of a finished exchange (when either is wanted). */
  #spanAndSummary(x: HttpExchange, parts: TargetParts, memo: ConnectionMemo): void {
    const server = x.connection.role === "server";
    const span = this.#o.tracer ? this.#span(x) : undefined;
    const identity = memo.identity;
    const { path, query } = parts;
    const { serverAddress, serverPort } = this.#server(x, memo);
    const peer = x.connection.peer;
    const error = x.status === 0 || x.status >= (server ? 500 : 400);
    if (span) this.#endSpan(span, x, parts, identity, { server, serverAddress, serverPort, error, path, query });

    if (this.#o.onExchange) {
      const sc = span?.spanContext();
      const parent = (x.parent?.span as Span | undefined)?.spanContext();
      this.#o.onExchange({
        kind: server ? "server" : "client", service: identity.serviceName, pid: x.connection.pid,
        name: spanName(x), method: x.method, path, route: parts.route, status: x.status, error,
        startNs: x.startNs, endNs: x.endNs, requestBytes: x.requestBytes, responseBytes: x.responseBytes,
        serverAddress, serverPort, clientAddress: server ? peer?.address : undefined,
        traceId: sc?.traceId ?? "", spanId: sc?.spanId ?? "", parentSpanId: parent?.spanId,
      });
    }
  }

  /** `server.address` and `server.port` of an exchange, as spans and summaries give them. */
  #server(x: HttpExchange, memo: ConnectionMemo): { serverAddress?: string; serverPort?: number } {
    if (x.connection.role === "server") {
      return { serverAddress: this.#o.hostName, serverPort: memo.localPort < 0 ? undefined : memo.localPort };
    }
    const hostHeader = splitHost(x.host);
    const peer = x.connection.peer;
    return { serverAddress: hostHeader?.host ?? peer?.address, serverPort: hostHeader?.port ?? peer?.port };
  }

  /** The datapoint attributes of an exchange (OBI's; bare IPs replaced). */
  #fields(x: HttpExchange, memo: ConnectionMemo, parts: TargetParts): MetricFields {
    const server = x.connection.role === "server";
    const { serverAddress, serverPort } = this.#server(x, memo);
    return {
      serviceName: memo.identity.serviceName,
      serviceNamespace: memo.identity.serviceNamespace,
      method: x.method,
      status: x.status,
      serverAddress: server ? this.#hostMetricAddress
        : serverAddress && isIP(serverAddress) ? "outgoing" : serverAddress,
      serverPort,
      route: parts.route,
    };
  }

  #endSpan(span: Span, x: HttpExchange, parts: TargetParts, identity: ProcessIdentity, at: {
    server: boolean; serverAddress?: string; serverPort?: number; error: boolean; path: string; query?: string;
  }): void {
    const { server, serverAddress, serverPort, error, path, query } = at;
    const peer = x.connection.peer;
    const attributes: Attributes = {
      "http.request.method": x.method,
      "http.response.status_code": x.status,
      "url.scheme": "http",
      "server.address": serverAddress,
      "server.port": serverPort,
      "http.request.body.size": x.requestBytes,
      "http.response.body.size": x.responseBytes,
      "service.name": identity.serviceName,
    };
    if (identity.serviceNamespace) attributes["service.namespace"] = identity.serviceNamespace;
    if (query !== undefined) attributes["url.query"] = query;
    if (server) {
      attributes["url.path"] = path;
      attributes["client.address"] = peer?.address;
      if (parts.route) attributes["http.route"] = parts.route;
    } else {
      const host = x.host ?? (peer ? `${peer.address}:${peer.port}` : undefined);
      attributes["url.full"] = host ? `http://${host}${path}${query !== undefined ? `?${query}` : ""}` : path;
    }
    span.setAttributes(attributes);
    if (error) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(this.#o.clock.hrTime(x.endNs));
  }
}

/** `{METHOD} {route}`, or the method alone without a route. */
function spanName(x: HttpExchange): string {
  const route = (x.data as TargetParts).route;
  return route ? `${x.method} ${route}` : x.method;
}

/** `host`, `host:port`, `[v6]:port` → parts. */
export function splitHost(value: string | undefined): { host: string; port?: number } | undefined {
  if (!value) return undefined;
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  if (v6) return { host: v6[1]!, port: v6[2] ? Number(v6[2]) : undefined };
  const colon = value.lastIndexOf(":");
  if (colon > 0 && /^\d+$/.test(value.slice(colon + 1))) {
    return { host: value.slice(0, colon), port: Number(value.slice(colon + 1)) };
  }
  return { host: value };
}
