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
 */
import { type MessageHead } from "./head_parser.ts";
import { CLIENT, CLOSE, DATA, type HttpEvent, IN, OPEN, peerEndpoint, SERVER, visiblePrefix } from "./http_event.ts";
import { type FramerSink, MessageFramer } from "./message_framer.ts";

/** What is known about a followed connection. */
export interface ConnectionInfo {
  role: "server" | "client";
  pid: number;
  fd: number;
  /** The peer (the client of a server connection, the server of a client connection). */
  peer?: { address: string; port: number };
  /** For server connections: the fd it was accepted on (to find the local port). */
  listenFd: number;
  openedNs: bigint;
}

/** One request and its response. */
export interface HttpExchange {
  readonly id: number;
  readonly connection: ConnectionInfo;
  /** The thread that read (server) or wrote (client) the request. */
  readonly tid: number;
  readonly method: string;
  readonly target: string;
  readonly host?: string;
  /** The request's head went on past what the kernel's prefix showed. */
  readonly truncated: boolean;
  /** 0 when no response was seen. */
  status: number;
  startNs: bigint;
  endNs: bigint;
  requestBytes: number;
  responseBytes: number;
  /** The server exchange this client call was made while serving. */
  parent?: HttpExchange;
  /** Anything the listener wants to keep with it (the span). */
  data?: unknown;
}

/** Receives exchanges. */
export interface ExchangeListener {
  started(exchange: HttpExchange): void;
  finished(exchange: HttpExchange): void;
  /** Started, then found malformed: it never finishes. */
  dropped(exchange: HttpExchange): void;
}

interface Connection {
  info: ConnectionInfo;
  requests: MessageFramer;
  responses: MessageFramer;
  queue: HttpExchange[];
  request?: HttpExchange;
  response?: HttpExchange;
  interim: boolean;
  upgraded: boolean;
  usedOpenTime: boolean;
}

/** The kernel map's size (probes/http/http_capture.ts `conns`). */
export const MAX_CONNECTIONS = 65536;

/** Bad Request, Content Too Large, URI Too Long, Request Header Fields Too Large. */
const MALFORMED_STATUSES = new Set([400, 413, 414, 431]);

export class ExchangeTracker {
  /** Connections by pairKey(pid, fd). */
  readonly #connections = new Map<number, Connection>();
  /** Server exchanges being served (request read, response not begun), by pairKey(pid, tid). */
  readonly #serving = new Map<number, HttpExchange>();
  readonly #listener: ExchangeListener;
  readonly #resolvePeer?: (pid: number, fd: number) => { address: string; port: number } | undefined;
  #nextId = 1;
  /** The latest kernel time seen: "now" for ending what is left open. */
  #lastTs = 0n;

  /**
   * `resolvePeer` finds a connection's peer when the accept carried no address (libuv accepts
   * with a NULL sockaddr); it runs while the record is handled, usually while the fd is open.
   */
  constructor(listener: ExchangeListener,
    resolvePeer?: (pid: number, fd: number) => { address: string; port: number } | undefined) {
    this.#listener = listener;
    this.#resolvePeer = resolvePeer;
  }

  /** How many connections are followed (bounded by the kernel's map of connections). */
  get connections(): number {
    return this.#connections.size;
  }

  /** Feeds one capture record. */
  push(event: HttpEvent): void {
    if (event.ts > this.#lastTs) this.#lastTs = event.ts;
    const key = pairKey(event.pid, event.fd);
    if (event.kind === OPEN) {
      this.#close(key, event.ts); // the fd was reused without a close we saw
      if (event.role !== SERVER && event.role !== CLIENT) return;
      // As many as the kernel's map of connections holds; past that, the oldest goes first,
      // as it does from the kernel's LRU map.
      if (this.#connections.size >= MAX_CONNECTIONS) this.#close(this.#connections.keys().next().value!, event.ts);
      this.#connections.set(key, this.#open({
        role: event.role === SERVER ? "server" : "client", pid: event.pid, fd: event.fd,
        peer: peerEndpoint(event) ?? this.#resolvePeer?.(event.pid, event.fd), listenFd: event.listenFd, openedNs: event.ts,
      }));
    } else if (event.kind === DATA) {
      const c = this.#connections.get(key);
      if (!c || c.upgraded) return;
      const inbound = event.dir === IN;
      const framer = inbound === (c.info.role === "server") ? c.requests : c.responses;
      framer.push(event.len, visiblePrefix(event), event.ts, event.tid);
    } else if (event.kind === CLOSE) {
      this.#close(key, event.ts);
    }
  }

  /** Ends every connection (the session is closing), at `ts` or the latest time seen. */
  closeAll(ts = this.#lastTs): void {
    for (const key of [...this.#connections.keys()]) this.#close(key, ts);
  }

  /** The processes that have followed connections. */
  pids(): Set<number> {
    return new Set([...this.#connections.values()].map((c) => c.info.pid));
  }

  /**
   * Ends the connections of a process that exited: the kernel closes a dying process's fds
   * without the close() syscall the probe sees.
   */
  closeProcess(pid: number, ts = this.#lastTs): void {
    for (const [key, c] of [...this.#connections]) if (c.info.pid === pid) this.#close(key, ts);
  }

  #open(info: ConnectionInfo): Connection {
    const c = {} as Connection;
    const requestSink: FramerSink = {
      head: (head, ts, tid) => this.#requestHead(c, head, ts, tid),
      bytes: (n) => { if (c.request) c.request.requestBytes += n; },
      end: () => { c.request = undefined; },
      abort: () => {
        const x = c.request;
        c.request = undefined;
        if (!x) return;
        remove(c.queue, x);
        this.#stopServing(x);
        this.#listener.dropped(x);
      },
    };
    const responseSink: FramerSink = {
      head: (head, ts) => this.#responseHead(c, head, ts),
      bytes: (n) => { if (c.response && !c.interim) c.response.responseBytes += n; },
      end: (ts) => {
        const x = c.response;
        c.response = undefined;
        if (c.interim) {
          c.interim = false;
          return;
        }
        if (!x) return;
        x.endNs = ts;
        remove(c.queue, x);
        this.#report(x);
      },
      abort: () => { c.response = undefined; c.interim = false; },
    };
    Object.assign(c, {
      info, queue: [], interim: false, upgraded: false, usedOpenTime: false,
      requests: new MessageFramer(requestSink),
      responses: new MessageFramer(responseSink, (head) => this.#bodyless(c, head)),
    });
    return c;
  }

  #requestHead(c: Connection, head: MessageHead, ts: bigint, tid: number): void {
    if (head.kind !== "request") return;
    // A new request means the previous response, if its end could not be framed, is over.
    if (c.responses.unframed) c.responses.endUnframed();
    // OBI: the first request on an accepted connection starts at the accept.
    const first = c.info.role === "server" && !c.usedOpenTime;
    c.usedOpenTime = true;
    const x: HttpExchange = {
      id: this.#nextId++, connection: c.info, tid, method: head.method!, target: head.target!,
      host: head.host, truncated: head.truncated, status: 0, startNs: first ? c.info.openedNs : ts, endNs: ts,
      requestBytes: 0, responseBytes: 0,
    };
    if (c.info.role === "server") this.#serving.set(pairKey(c.info.pid, tid), x);
    else x.parent = this.#parentFor(c.info.pid, tid);
    c.queue.push(x);
    c.request = x;
    this.#listener.started(x);
  }

  #responseHead(c: Connection, head: MessageHead, ts: bigint): void {
    if (head.kind !== "response") {
      c.response = undefined;
      return;
    }
    const status = head.status!;
    const x = c.queue.find((q) => q.status === 0);
    c.interim = status >= 100 && status < 200 && status !== 101;
    if (c.interim || !x) {
      c.response = undefined;
      return;
    }
    x.status = status;
    x.endNs = ts;
    c.response = x;
    this.#stopServing(x);
    if (status === 101) c.upgraded = true;
  }

  /**
   * A request whose head we never saw end, refused by the server as malformed (a 1 MB header
   * line, garbage after a valid start line), is malformed traffic, not a request: no span.
   */
  #report(x: HttpExchange): void {
    if (x.truncated && MALFORMED_STATUSES.has(x.status)) this.#listener.dropped(x);
    else this.#listener.finished(x);
  }

  #bodyless(c: Connection, head: MessageHead): boolean {
    const s = head.status ?? 0;
    if (s < 200 || s === 204 || s === 304) return true;
    return c.response?.method === "HEAD";
  }

  #parentFor(pid: number, tid: number): HttpExchange | undefined {
    const same = this.#serving.get(pairKey(pid, tid));
    if (same) return same;
    let only: HttpExchange | undefined;
    for (const x of this.#serving.values()) {
      if (x.connection.pid !== pid) continue;
      if (only) return undefined;
      only = x;
    }
    return only;
  }

  #stopServing(x: HttpExchange): void {
    if (x.connection.role !== "server") return;
    const key = pairKey(x.connection.pid, x.tid);
    if (this.#serving.get(key) === x) this.#serving.delete(key);
  }

  #close(key: number, ts: bigint): void {
    const c = this.#connections.get(key);
    if (!c) return;
    this.#connections.delete(key);
    c.requests.close();
    c.responses.close();
    for (const x of c.queue.splice(0)) {
      this.#stopServing(x);
      x.endNs = x.status === 0 ? ts : x.endNs;
      this.#report(x);
    }
  }
}

/**
 * One number for a process and an fd or thread id (pids and tids are below 2^22, fds below
 * 2^31, so it is exact): a map keyed by it is cheaper per record than one keyed by a string.
 */
function pairKey(pid: number, id: number): number {
  return pid * 0x80000000 + id;
}

function remove<T>(list: T[], item: T): void {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}
