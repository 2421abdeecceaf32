/**
 * What the exchange tracker reports: a followed connection, one request and its response, and
 * the listener that receives them. Times are kept as numbers on the tracker's TimeBase
 * (time_base.ts) and given as kernel times (BigInt ns) when asked for.
 */
import type { TimeBase } from "./time_base.ts";

/** What is known about a followed connection. */
export interface ConnectionInfo {
  role: "server" | "client";
  pid: number;
  fd: number;
  /** The peer (the client of a server connection, the server of a client connection). */
  peer?: { address: string; port: number };
  /** For server connections: the fd it was accepted on (to find the local port). */
  listenFd: number;
  /** When it was opened (ns on the tracker's TimeBase). */
  openedAt: number;
  /** Anything the listener wants to keep with it. */
  data?: unknown;
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
  /** Start and end (ns on the tracker's TimeBase: their difference is the duration). */
  startAt: number;
  endAt: number;
  /** The same as kernel times (CLOCK_MONOTONIC ns). */
  readonly startNs: bigint;
  readonly endNs: bigint;
  requestBytes: number;
  responseBytes: number;
  /** The server exchange this client call was made while serving. */
  parent?: HttpExchange;
  /** Anything the listener wants to keep with it. */
  data?: unknown;
  /** The listener's span, when it makes one. */
  span?: unknown;
}

/** An exchange as the tracker makes it (times kept as numbers, given as BigInts on demand). */
export class Exchange implements HttpExchange {
  status = 0;
  requestBytes = 0;
  responseBytes = 0;
  parent: HttpExchange | undefined = undefined;
  data: unknown = undefined;
  span: unknown = undefined;
  readonly #time: TimeBase;

  constructor(readonly id: number, readonly connection: ConnectionInfo, readonly tid: number, readonly method: string,
    readonly target: string, readonly host: string | undefined, readonly truncated: boolean, public startAt: number,
    public endAt: number, time: TimeBase) {
    this.#time = time;
  }

  get startNs(): bigint {
    return this.#time.toBigint(this.startAt);
  }

  get endNs(): bigint {
    return this.#time.toBigint(this.endAt);
  }
}

/** Receives exchanges. */
export interface ExchangeListener {
  started(exchange: HttpExchange): void;
  finished(exchange: HttpExchange): void;
  /** Started, then found malformed: it never finishes. */
  dropped(exchange: HttpExchange): void;
}
