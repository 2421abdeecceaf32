/**
 * Turns HTTP exchanges into OpenTelemetry spans and histograms named as OBI v0.12 names them,
 * through @opentelemetry/api only (the CLI's SDK pipeline, or whatever SDK an embedding program
 * registered, exports them):
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
  type Attributes, context, type Histogram, type Meter, ROOT_CONTEXT, type Span, SpanKind,
  SpanStatusCode, trace, type Tracer,
} from "@opentelemetry/api";
import { isIP } from "node:net";
import type { WallClock } from "../telemetry/monotonic_clock.ts";
import type { ExchangeListener, HttpExchange } from "./exchange_tracker.ts";
import type { IdentityCache } from "./process_identity.ts";
import type { SocketTable } from "./socket_table.ts";
import { type RouteMatcher, stripQuery } from "./route_heuristic.ts";
import { redactedQuery } from "./url_redaction.ts";

/** OBI's duration buckets (s): the semantic conventions' advice with a leading 0. */
export const DURATION_BUCKETS = [0, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
/** OBI's body size buckets (By). */
export const SIZE_BUCKETS = [0, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192];

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
  tracer: Tracer;
  meter: Meter;
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
  span?: Span;
}

interface Instruments {
  duration: Histogram;
  requestSize: Histogram;
  responseSize: Histogram;
}

export class HttpTelemetry implements ExchangeListener {
  readonly #o: HttpTelemetryOptions;
  readonly #server: Instruments;
  readonly #client: Instruments;

  constructor(options: HttpTelemetryOptions) {
    this.#o = options;
    this.#server = instruments(options.meter, "server");
    this.#client = instruments(options.meter, "client");
  }

  started(x: HttpExchange): void {
    const route = this.#o.routes.route(x.target);
    x.data = { route, name: route ? `${x.method} ${route}` : x.method } satisfies ExchangeData;
    // A client call's span starts now, under its parent's (started on demand); a server span
    // starts when it ends or when a child needs it, so a request dropped as malformed leaves no
    // span behind.
    if (x.connection.role === "client") this.#span(x);
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
    data.span = this.#o.tracer.startSpan(data.name, {
      kind: x.connection.role === "server" ? SpanKind.SERVER : SpanKind.CLIENT,
      startTime: this.#o.clock.hrTime(x.startNs),
    }, ctx);
    return data.span;
  }

  finished(x: HttpExchange): void {
    const data = x.data as ExchangeData | undefined;
    if (!data) return;
    const span = this.#span(x);
    const server = x.connection.role === "server";
    const identity = this.#o.identities.get(x.connection.pid);
    const path = stripQuery(x.target);
    const query = redactedQuery(x.target);
    const hostHeader = splitHost(x.host);
    const peer = x.connection.peer;
    const serverAddress = server ? this.#o.hostName : hostHeader?.host ?? peer?.address;
    const serverPort = server ? this.#o.sockets.localPort(x.connection.pid, x.connection.listenFd)
      : hostHeader?.port ?? peer?.port;
    const error = x.status === 0 || x.status >= (server ? 500 : 400);
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

    const metricAttributes: Attributes = {
      "service.name": identity.serviceName,
      "service.namespace": identity.serviceNamespace,
      "http.request.method": x.method,
      "http.response.status_code": x.status,
      "url.scheme": "http",
      "server.address": serverAddress && isIP(serverAddress) ? (server ? "unresolved" : "outgoing") : serverAddress,
      "server.port": serverPort,
    };
    if (data.route) metricAttributes["http.route"] = data.route;
    const set = server ? this.#server : this.#client;
    const withSpan = trace.setSpan(context.active(), span);
    set.duration.record(Math.max(0, Number(x.endNs - x.startNs)) / 1e9, metricAttributes, withSpan);
    set.requestSize.record(x.requestBytes, metricAttributes, withSpan);
    set.responseSize.record(x.responseBytes, metricAttributes, withSpan);

    if (this.#o.onExchange) {
      const sc = span.spanContext();
      const parent = (x.parent?.data as ExchangeData | undefined)?.span?.spanContext();
      this.#o.onExchange({
        kind: server ? "server" : "client", service: identity.serviceName, pid: x.connection.pid,
        name: data.name, method: x.method, path, route: data.route, status: x.status, error,
        startNs: x.startNs, endNs: x.endNs, requestBytes: x.requestBytes, responseBytes: x.responseBytes,
        serverAddress, serverPort, clientAddress: server ? peer?.address : undefined,
        traceId: sc.traceId, spanId: sc.spanId, parentSpanId: parent?.spanId,
      });
    }
  }
}

function instruments(meter: Meter, side: "server" | "client"): Instruments {
  const histogram = (name: string, unit: string, description: string, buckets: number[]) =>
    meter.createHistogram(name, { unit, description, advice: { explicitBucketBoundaries: buckets } });
  return {
    duration: histogram(`http.${side}.request.duration`, "s", `Duration of HTTP ${side} requests.`, DURATION_BUCKETS),
    requestSize: histogram(`http.${side}.request.body.size`, "By", `Size of HTTP ${side} request bodies.`, SIZE_BUCKETS),
    responseSize: histogram(`http.${side}.response.body.size`, "By", `Size of HTTP ${side} response bodies.`, SIZE_BUCKETS),
  };
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
