/**
 * One followed connection as the exchange tracker (exchange_tracker.ts) keeps it: a framer per
 * direction (message_framer.ts), the exchanges waiting for their responses in order, and what
 * the framers report turned into exchanges; plus what all connections of a tracker share (the
 * listener, the server exchanges being served by thread, exchange ids). The framers report to
 * objects of one class for both directions, so their calls see one kind of object (cheaper to
 * compile and to run than a closure per direction).
 */
import { type ConnectionInfo, Exchange, type ExchangeListener, type HttpExchange } from "./exchange.ts";
import type { MessageHead } from "./head_parser.ts";
import { type FramerSink, MessageFramer } from "./message_framer.ts";
import type { TimeBase } from "./time_base.ts";

/** Bad Request, Content Too Large, URI Too Long, Request Header Fields Too Large. */
const MALFORMED_STATUSES = new Set([400, 413, 414, 431]);

/** What the connections of one tracker share. */
export class Shared {
  /**
   * Server exchanges being served (request read, response not begun), by thread id: tids are
   * unique on the machine (the kernel reports them from the initial pid namespace).
   */
  readonly serving = new Map<number, HttpExchange>();
  nextId = 1;

  constructor(readonly listener: ExchangeListener, readonly time: TimeBase) {}

  /**
   * A request whose head we never saw end, refused by the server as malformed (a 1 MB header
   * line, garbage after a valid start line), is malformed traffic, not a request: no span.
   */
  report(x: HttpExchange): void {
    if (x.truncated && MALFORMED_STATUSES.has(x.status)) this.listener.dropped(x);
    else this.listener.finished(x);
  }

  parentFor(pid: number, tid: number): HttpExchange | undefined {
    const same = this.serving.get(tid);
    if (same && same.connection.pid === pid) return same;
    let only: HttpExchange | undefined;
    for (const x of this.serving.values()) {
      if (x.connection.pid !== pid) continue;
      if (only) return undefined;
      only = x;
    }
    return only;
  }

  stopServing(x: HttpExchange): void {
    if (x.connection.role !== "server") return;
    if (this.serving.get(x.tid) === x) this.serving.delete(x.tid);
  }
}

/** A followed connection: its two directions' framers, and its exchanges awaiting responses. */
export class Connection {
  readonly server: boolean;
  readonly requests: MessageFramer;
  readonly responses: MessageFramer;
  readonly queue: HttpExchange[] = [];
  /** The request whose bytes are being read (server) or written (client). */
  request: HttpExchange | undefined;
  /** The exchange whose response is coming. */
  response: HttpExchange | undefined;
  /** The response coming is an interim (1xx) one. */
  interim = false;
  upgraded = false;
  usedOpenTime = false;

  constructor(readonly info: ConnectionInfo, readonly shared: Shared) {
    this.server = info.role === "server";
    this.requests = new MessageFramer(new Direction(this, false));
    this.responses = new MessageFramer(new Direction(this, true));
  }

  requestHead(head: MessageHead, ts: number, tid: number): void {
    if (head.kind !== "request") return;
    // A new request means the previous response, if its end could not be framed, is over.
    if (this.responses.unframed) this.responses.endUnframed();
    // OBI: the first request on an accepted connection starts at the accept.
    const first = this.server && !this.usedOpenTime;
    this.usedOpenTime = true;
    const shared = this.shared;
    const x = new Exchange(shared.nextId++, this.info, tid, head.method!, head.target!, head.host, head.truncated,
      first ? this.info.openedAt : ts, ts, shared.time);
    if (this.server) shared.serving.set(tid, x);
    else x.parent = shared.parentFor(this.info.pid, tid);
    this.queue.push(x);
    this.request = x;
    shared.listener.started(x);
  }

  requestAbort(): void {
    const x = this.request;
    this.request = undefined;
    if (!x) return;
    remove(this.queue, x);
    this.shared.stopServing(x);
    this.shared.listener.dropped(x);
  }

  responseHead(head: MessageHead, ts: number): void {
    if (head.kind !== "response") {
      this.response = undefined;
      return;
    }
    const status = head.status!;
    let x: HttpExchange | undefined;
    for (let i = 0; i < this.queue.length; i++) {
      if (this.queue[i]!.status === 0) {
        x = this.queue[i];
        break;
      }
    }
    this.interim = status >= 100 && status < 200 && status !== 101;
    if (this.interim || !x) {
      this.response = undefined;
      return;
    }
    x.status = status;
    x.endAt = ts;
    this.response = x;
    this.shared.stopServing(x);
    if (status === 101) this.upgraded = true;
  }

  responseEnd(ts: number): void {
    const x = this.response;
    this.response = undefined;
    if (this.interim) {
      this.interim = false;
      return;
    }
    if (!x) return;
    x.endAt = ts;
    remove(this.queue, x);
    this.shared.report(x);
  }

  bodylessResponse(head: MessageHead): boolean {
    const s = head.status ?? 0;
    if (s < 200 || s === 204 || s === 304) return true;
    return this.response?.method === "HEAD";
  }

  close(ts: number): void {
    this.requests.close();
    this.responses.close();
    for (const x of this.queue.splice(0)) {
      this.shared.stopServing(x);
      if (x.status === 0) x.endAt = ts;
      this.shared.report(x);
    }
  }
}

/**
 * One direction of a connection, as its framer reports to it. One class for both directions,
 * so the framer's calls into its sink see one kind of object and stay cheap to compile and run.
 */
class Direction implements FramerSink {
  constructor(readonly c: Connection, readonly responses: boolean) {}

  head(head: MessageHead, ts: number, tid: number): void {
    if (this.responses) this.c.responseHead(head, ts);
    else this.c.requestHead(head, ts, tid);
  }

  bytes(n: number): void {
    const c = this.c;
    if (!this.responses) {
      if (c.request) c.request.requestBytes += n;
    } else if (c.response && !c.interim) {
      c.response.responseBytes += n;
    }
  }

  end(ts: number): void {
    if (this.responses) this.c.responseEnd(ts);
    else this.c.request = undefined;
  }

  abort(): void {
    if (!this.responses) {
      this.c.requestAbort();
    } else {
      this.c.response = undefined;
      this.c.interim = false;
    }
  }

  bodyless(head: MessageHead): boolean {
    return this.responses && this.c.bodylessResponse(head);
  }
}

function remove<T>(list: T[], item: T): void {
  // Usually the oldest: responses come in order.
  if (list[0] === item) {
    list.shift();
    return;
  }
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}
