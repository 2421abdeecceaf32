/**
 * A running HTTP monitor: the capture probe (probes/http/http_capture.ts) compiled (in a child
 * process, capture_artifact.ts) and attached through a Session, its records fed to the exchange
 * tracker, and finished exchanges turned into spans and metrics. Processes are selected by pid,
 * executable glob or port (OBI's OTEL_EBPF_TARGET_PID / AUTO_TARGET_EXE / OPEN_PORT); by default
 * every process but this one.
 *
 * ```ts
 * await using monitor = await HttpMonitor.start({ onExchange: (x) => console.log(x.name) });
 * ```
 *
 * Not handled yet, compared with OBI (said plainly so nobody relies on it): TLS (no libssl
 * uprobes), HTTP/2 and gRPC, an incoming `traceparent` header and any context propagation
 * (each process's spans start their own traces unless parented in-process), OBI's `in queue` /
 * `processing` sub-spans, one OpenTelemetry Resource per traced service (`service.name` is an
 * attribute of each span and data point instead; the API offers no per-span resource), the
 * `target.info` metric, `service.instance.id`, and connections opened before the monitor
 * started (see also the limits listed in probes/http/http_capture.ts).
 */
import { metrics, type Meter, trace, type Tracer } from "@opentelemetry/api";
import { existsSync } from "node:fs";
import { hostname } from "node:os";
import { fileURLToPath } from "node:url";
import { Session } from "../session.ts";
import { encodeValue } from "../decode/value_codec.ts";
import { WallClock } from "../telemetry/monotonic_clock.ts";
import { buildInChild } from "./capture_artifact.ts";
import { ExchangeTracker } from "./exchange_tracker.ts";
import type { HttpHistograms } from "./http_histograms.ts";
import { type ExchangeSummary, HttpTelemetry } from "./http_telemetry.ts";
import { CLIENT, type HttpEvent, peerEndpoint, SERVER } from "./http_event.ts";
import { IdentityCache } from "./process_identity.ts";
import { ConnectionFilter } from "./connection_filter.ts";
import { recordFeed } from "./record_feed.ts";
import { SocketTable } from "./socket_table.ts";
import { RouteMatcher, type RouteOptions } from "./route_heuristic.ts";

/** The capture probe's source, shipped with @ts-bpf/probes. */
export const HTTP_PROBE = fileURLToPath(new URL("../../../probes/http/http_capture.ts", import.meta.url));

/** Which processes to follow: any listed selector matches (none listed: all but ourselves). */
export interface HttpSelection {
  pids?: number[];
  /** Globs on the executable's path or base name (`*` and `?`). */
  exes?: string[];
  /** Local ports of servers, or remote ports of clients. */
  ports?: number[];
}

export interface HttpMonitorOptions {
  select?: HttpSelection;
  routes?: RouteOptions;
  tracer?: Tracer;
  /**
   * Make spans (default true). False when nothing exports them: metrics only, at a fraction of
   * the cost per request (summaries then carry empty trace and span ids).
   */
  spans?: boolean;
  meter?: Meter;
  /** Measurements go here instead of to `meter`'s instruments (the CLI's local_histograms.ts). */
  histograms?: HttpHistograms;
  onExchange?: (summary: ExchangeSummary) => void;
  progress?: (line: string) => void;
}

/** How often connections of exited processes are looked for. */
const REAP_INTERVAL_MS = 5000;

export class HttpMonitor {
  readonly session: Session;
  readonly tracker: ExchangeTracker;
  readonly #reaper: ReturnType<typeof setInterval>;
  #closed = false;

  private constructor(session: Session, tracker: ExchangeTracker, identities: IdentityCache) {
    this.session = session;
    this.tracker = tracker;
    this.#reaper = setInterval(() => {
      for (const pid of tracker.pids()) {
        if (existsSync(`/proc/${pid}`)) continue;
        tracker.closeProcess(pid);
        identities.forget(pid);
      }
    }, REAP_INTERVAL_MS);
    this.#reaper.unref?.();
  }

  /** Compiles, loads and attaches the capture probe; spans flow until close(). */
  static async start(options: HttpMonitorOptions = {}): Promise<HttpMonitor> {
    const identities = new IdentityCache();
    const sockets = new SocketTable();
    const telemetry = new HttpTelemetry({
      tracer: options.spans === false ? undefined : options.tracer ?? trace.getTracer("go.opentelemetry.io/obi"),
      metrics: options.histograms ?? options.meter ?? metrics.getMeter("go.opentelemetry.io/obi"),
      clock: WallClock.measure(), routes: new RouteMatcher(options.routes), identities, sockets,
      hostName: hostname(), onExchange: options.onExchange,
    });
    const tracker = new ExchangeTracker(telemetry);
    const selected = selector(options.select ?? {}, identities, sockets);
    const self = process.pid;
    // Compiled in a child process, so the compiler's memory is not kept in this one.
    const artifact = await buildInChild(HTTP_PROBE, options.progress);
    // Built against this kernel's BTF by the child just now: no second check (reading vmlinux's
    // BTF for it adds ~27 MB of RSS, a quarter of the agent's budget).
    const session = await Session.start(artifact, { userspace: false, progress: options.progress,
      checkKernelOffsets: false });
    const monitor = new HttpMonitor(session, tracker, identities);
    // Our own traffic (an OTLP exporter's posts) must never become spans about itself.
    const ignored = session.map("ignored");
    ignored.live.update(encodeValue(ignored.artifact.key, 0), encodeValue(ignored.artifact.value, self));
    const events = session.map("events").artifact;
    if (!events.record) throw new Error(`${HTTP_PROBE}: its 'events' ring buffer carries no record layout`);
    // A connection the selection leaves out: the kernel stops following it (connection_filter.ts).
    const filter = new ConnectionFilter(session);
    session.onRaw("events", recordFeed(events.record, tracker, {
      self,
      accept: (event) => {
        if (!selected(event)) {
          filter.forget(event.pid, event.fd, event.ts);
          return false;
        }
        identities.get(event.pid); // now, while the process surely exists (a curl is gone soon)
        return true;
      },
    }));
    return monitor;
  }

  /** Detaches, drains what the kernel still holds, and ends every open exchange. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#reaper);
    await this.session.close();
    this.tracker.closeAll();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

function selector(select: HttpSelection, identities: IdentityCache, sockets: SocketTable): (e: HttpEvent) => boolean {
  const pids = new Set(select.pids ?? []);
  const exes = (select.exes ?? []).map(globRegex);
  const wanted = new Set(select.ports ?? []);
  if (!pids.size && !exes.length && !wanted.size) return () => true;
  return (event) => {
    if (pids.has(event.pid)) return true;
    if (exes.length) {
      const exe = identities.get(event.pid).exe;
      const base = exe.slice(exe.lastIndexOf("/") + 1);
      if (exes.some((re) => re.test(exe) || re.test(base))) return true;
    }
    if (wanted.size) {
      const port = event.role === SERVER ? sockets.localPort(event.pid, event.listenFd)
        : event.role === CLIENT ? peerEndpoint(event)?.port : undefined;
      if (port !== undefined && wanted.has(port)) return true;
    }
    return false;
  };
}

function globRegex(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}
