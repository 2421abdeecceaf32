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
 */
import {
  type Attributes, type Meter, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace, type Tracer,
} from "@opentelemetry/api";
import { isIP } from "node:net";
import type { WallClock } from "../telemetry/monotonic_clock.ts";
import type { ExchangeListener, HttpExchange } from "./exchange_tracker.ts";
import { type HttpHistograms, SdkHistograms } from "./http_histograms.ts";
import type { IdentityCache } from "./process_identity.ts";
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

/** What is kept with each exchange. */
interface ExchangeData {
  route?: string;
  name: string;
  parts: TargetParts;
  span?: Span;
}

/** What a request target gives the span and the metrics (the same for the same target). */
interface TargetParts {
  route?: string;
  path: string;
  query?: string;
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
    const parts = this.#parts(x.target);
    const route = parts.route;
    x.data = { route, name: route ? `${x.method} ${route}` : x.method, parts } satisfies ExchangeData;
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
    const data = x.data as ExchangeData | undefined;
    if (!data?.span) return;
    data.span.setAttribute("tsbpf.malformed", true);
    data.span.setStatus({ code: SpanStatusCode.ERROR });
    data.span.end(this.#o.clock.hrTime(x.startNs));
  }

  #span(x: HttpExchange): Span {
    const data = x.data as ExchangeData;
    if (data.span) return data.span;
    const parent = x.parent?.data ? this.#span(x.parent) : undefined;
    const ctx = parent ? trace.setSpan(ROOT_CONTEXT, parent) : ROOT_CONTEXT;
    data.span = this.#o.tracer!.startSpan(data.name, {
      kind: x.connection.role === "server" ? SpanKind.SERVER : SpanKind.CLIENT,
      startTime: this.#o.clock.hrTime(x.startNs),
    }, ctx);
    return data.span;
  }

  finished(x: HttpExchange): void {
    const data = x.data as ExchangeData | undefined;
    if (!data) return;
    const span = this.#o.tracer ? this.#span(x) : undefined;
    const server = x.connection.role === "server";
    const identity = this.#o.identities.get(x.connection.pid);
    const { path, query } = data.parts;
    const hostHeader = server ? undefined : splitHost(x.host);
    const peer = x.connection.peer;
    const serverAddress = server ? this.#o.hostName : hostHeader?.host ?? peer?.address;
    const serverPort = server ? this.#o.sockets.localPort(x.connection.pid, x.connection.listenFd)
      : hostHeader?.port ?? peer?.port;
    const error = x.status === 0 || x.status >= (server ? 500 : 400);
    if (span) this.#endSpan(span, x, data, { server, serverAddress, serverPort, error, path, query });

    this.#histograms.record(server ? "server" : "client", {
      serviceName: identity.serviceName,
      serviceNamespace: identity.serviceNamespace,
      method: x.method,
      status: x.status,
      serverAddress: server ? this.#hostMetricAddress
        : serverAddress && isIP(serverAddress) ? "outgoing" : serverAddress,
      serverPort,
      route: data.route,
    }, Math.max(0, Number(x.endNs - x.startNs)) / 1e9, x.requestBytes, x.responseBytes);

    if (this.#o.onExchange) {
      const sc = span?.spanContext();
      const parent = (x.parent?.data as ExchangeData | undefined)?.span?.spanContext();
      this.#o.onExchange({
        kind: server ? "server" : "client", service: identity.serviceName, pid: x.connection.pid,
        name: data.name, method: x.method, path, route: data.route, status: x.status, error,
        startNs: x.startNs, endNs: x.endNs, requestBytes: x.requestBytes, responseBytes: x.responseBytes,
        serverAddress, serverPort, clientAddress: server ? peer?.address : undefined,
        traceId: sc?.traceId ?? "", spanId: sc?.spanId ?? "", parentSpanId: parent?.spanId,
      });
    }
  }

  #endSpan(span: Span, x: HttpExchange, data: ExchangeData, at: {
    server: boolean; serverAddress?: string; serverPort?: number; error: boolean; path: string; query?: string;
  }): void {
    const { server, serverAddress, serverPort, error, path, query } = at;
    const identity = this.#o.identities.get(x.connection.pid);
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
      if (data.route) attributes["http.route"] = data.route;
    } else {
      const host = x.host ?? (peer ? `${peer.address}:${peer.port}` : undefined);
      attributes["url.full"] = host ? `http://${host}${path}${query !== undefined ? `?${query}` : ""}` : path;
    }
    span.setAttributes(attributes);
    if (error) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(this.#o.clock.hrTime(x.endNs));
  }
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
