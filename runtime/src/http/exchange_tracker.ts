/**
 * Pairs HTTP/1.x requests with their responses on every followed connection, from the capture
 * probe's records (http_event.ts), and reports each exchange as it starts and as it ends.
 *
 * A connection is keyed by process and fd. Its two directions are framed separately
 * (message_framer.ts): on a server connection requests are read and responses written, on a
 * client connection the reverse. Responses answer requests in order (HTTP/1.1 pipelining keeps
 * order), so pending exchanges form a queue per connection. Interim `1xx` responses (such as
 * `100 Continue`) do not answer a request; `101 Switching Protocols` ends HTTP on that
 * connection. A request still unanswered when its connection closes ends with status 0 (OBI
 * reports those as errors too).
 *
 * A client exchange started on a thread that is serving a request (its request read, its
 * response not yet begun) becomes that server exchange's child; when the thread is not one
 * (event-loop runtimes hand work between threads) and the process serves exactly one request at
 * that moment, that one is the parent.
 *
 * Records come in two ways: `data` and `close` with their fields as numbers and the prefix as
 * bytes in place (the monitor's path, record_feed.ts: nothing is decoded into an object), or
 * `push` with a decoded record (OPEN records, tests). Times are numbers from `time`
 * (time_base.ts); exchanges give them back as BigInts.
 */
import { Connection, Shared } from "./connection.ts";
import type { ExchangeListener } from "./exchange.ts";
import { CLIENT, CLOSE, DATA, type HttpEvent, IN, OPEN, peerEndpoint, SERVER, visiblePrefix } from "./http_event.ts";
import { TimeBase } from "./time_base.ts";

export type { ConnectionInfo, ExchangeListener, HttpExchange } from "./exchange.ts";

/** The kernel map's size (probes/http/http_capture.ts `conns`). */
export const MAX_CONNECTIONS = 65536;

export class ExchangeTracker {
  /** Connections by pairKey(pid, fd). */
  readonly #connections = new Map<number, Connection>();
  readonly #shared: Shared;
  /** The latest time seen: "now" for ending what is left open. */
  #lastTs = 0;
  /** Record times as numbers. */
  readonly time = new TimeBase();

  constructor(listener: ExchangeListener) {
    this.#shared = new Shared(listener, this.time);
  }

  /** How many connections are followed (bounded by the kernel's map of connections). */
  get connections(): number {
    return this.#connections.size;
  }

  /** Feeds one decoded capture record. */
  push(event: HttpEvent): void {
    const ts = this.time.fromBigint(event.ts);
    if (event.kind === OPEN) {
      if (ts > this.#lastTs) this.#lastTs = ts;
      const key = pairKey(event.pid, event.fd);
      this.#close(key, ts); // the fd was reused without a close we saw
      if (event.role !== SERVER && event.role !== CLIENT) return;
      // As many as the kernel's map of connections holds; past that, the oldest goes first,
      // as it does from the kernel's LRU map.
      if (this.#connections.size >= MAX_CONNECTIONS) this.#close(this.#connections.keys().next().value!, ts);
      this.#connections.set(key, new Connection({
        role: event.role === SERVER ? "server" : "client", pid: event.pid, fd: event.fd,
        // The kernel gives every peer: from the accept's or connect's sockaddr, or, for an
        // accept given none (libuv's), from the socket itself.
        peer: peerEndpoint(event), listenFd: event.listenFd, openedAt: ts,
        data: undefined,
      }, this.#shared));
    } else if (event.kind === DATA) {
      const bytes = encoder.encode(visiblePrefix(event));
      this.data(event.pid, event.fd, event.tid, event.dir, event.len, bytes, 0, bytes.length, ts);
    } else if (event.kind === CLOSE) {
      this.close(event.pid, event.fd, ts);
    } else if (ts > this.#lastTs) {
      this.#lastTs = ts;
    }
  }

  /**
   * A DATA record: `len` bytes moved at `ts` (TimeBase ns), of which the first ones are at
   * `bytes[start, start + limit)` up to a NUL (see MessageFramer.push).
   */
  data(pid: number, fd: number, tid: number, dir: number, len: number, bytes: Uint8Array, start: number,
    limit: number, ts: number): void {
    if (ts > this.#lastTs) this.#lastTs = ts;
    const c = this.#connections.get(pairKey(pid, fd));
    if (c === undefined || c.upgraded) return;
    const framer = (dir === IN) === c.server ? c.requests : c.responses;
    framer.push(len, bytes, start, limit, ts, tid);
  }

  /** A CLOSE record. */
  close(pid: number, fd: number, ts: number): void {
    if (ts > this.#lastTs) this.#lastTs = ts;
    this.#close(pairKey(pid, fd), ts);
  }

  /** Ends every connection (the session is closing), at `ts` or the latest time seen. */
  closeAll(ts?: bigint): void {
    const at = ts === undefined ? this.#lastTs : this.time.fromBigint(ts);
    for (const key of [...this.#connections.keys()]) this.#close(key, at);
  }

  /** The processes that have followed connections. */
  pids(): Set<number> {
    return new Set([...this.#connections.values()].map((c) => c.info.pid));
  }

  /**
   * Ends the connections of a process that exited: the kernel closes a dying process's fds
   * without the close() syscall the probe sees.
   */
  closeProcess(pid: number, ts?: bigint): void {
    const at = ts === undefined ? this.#lastTs : this.time.fromBigint(ts);
    for (const [key, c] of [...this.#connections]) if (c.info.pid === pid) this.#close(key, at);
  }

  #close(key: number, ts: number): void {
    const c = this.#connections.get(key);
    if (!c) return;
    this.#connections.delete(key);
    c.close(ts);
  }
}

/**
 * One number for a process and an fd (pids are below 2^22, fds below
 * 2^31, so it is exact): a map keyed by it is cheaper per record than one keyed by a string.
 */
function pairKey(pid: number, id: number): number {
  return pid * 0x80000000 + id;
}

const encoder = new TextEncoder();
