import { describe, expect, test } from "bun:test";
import { type ExchangeListener, type HttpExchange, ExchangeTracker } from "./exchange_tracker.ts";
import { CLIENT, CLOSE, DATA, type HttpEvent, IN, OPEN, OUT, SERVER } from "./http_event.ts";

/** A scripted connection: records as the capture probe sends them, with a clock. */
class Script {
  readonly finished: HttpExchange[] = [];
  readonly dropped: HttpExchange[] = [];
  readonly tracker: ExchangeTracker;
  #ts = 1000n;

  constructor() {
    const listener: ExchangeListener = {
      started: () => {},
      finished: (x) => this.finished.push(x),
      dropped: (x) => this.dropped.push(x),
    };
    this.tracker = new ExchangeTracker(listener);
  }

  event(kind: number, fields: Partial<HttpEvent>): this {
    this.#ts += 10n;
    this.tracker.push({ kind, role: SERVER, dir: 0, family: 2, port: 0x5000, pid: 1, tid: 1, fd: 5,
      listenFd: 3, len: 0, seg: 0, ts: this.#ts, addr0: 0x0100007f, addr1: 0, addr2: 0, addr3: 0, data: "", ...fields });
    return this;
  }

  open(role = SERVER, fields: Partial<HttpEvent> = {}): this {
    return this.event(OPEN, { role, ...fields });
  }

  /** A read (IN) or write (OUT) of `text`; `len` may be larger (bytes the prefix did not show). */
  data(dir: number, text: string, len = text.length, fields: Partial<HttpEvent> = {}): this {
    return this.event(DATA, { dir, data: text.slice(0, 256), len, seg: len, ...fields });
  }

  close(fields: Partial<HttpEvent> = {}): this {
    return this.event(CLOSE, fields);
  }
}

const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: localhost:8080\r\n\r\n`;
const ok = (body: string, status = 200) => `HTTP/1.1 ${status} X\r\nContent-Length: ${body.length}\r\n\r\n${body}`;

describe("ExchangeTracker on server connections", () => {
  test("pairs each request of a keep-alive connection with its response", () => {
    const s = new Script().open();
    for (let i = 0; i < 100; i++) s.data(IN, get(`/item/${i}`)).data(OUT, ok(`body${i}`));
    expect(s.finished).toHaveLength(100);
    expect(s.finished[99]!.target).toBe("/item/99");
    expect(s.finished.every((x) => x.status === 200 && x.endNs > x.startNs)).toBe(true);
  });

  test("starts the first request at the accept, later ones at their first byte", () => {
    const s = new Script().open().data(IN, get("/a")).data(OUT, ok("1")).data(IN, get("/b")).data(OUT, ok("2"));
    expect(s.finished[0]!.startNs).toBe(1010n);
    expect(s.finished[1]!.startNs).toBe(1040n);
  });

  test("puts a request split across reads together", () => {
    const s = new Script().open().data(IN, "GET /sp").data(IN, "lit HTTP/1.1\r\nHo").data(IN, "st: a\r\n\r\n")
      .data(OUT, ok("x"));
    expect(s.finished.map((x) => [x.target, x.host, x.requestBytes])).toEqual([["/split", "a", 32]]);
  });

  test("answers pipelined requests in order", () => {
    const s = new Script().open().data(IN, get("/1") + get("/2") + get("/3"))
      .data(OUT, ok("a") + ok("b", 404)).data(OUT, ok("c", 500));
    expect(s.finished.map((x) => `${x.target} ${x.status}`)).toEqual(["/1 200", "/2 404", "/3 500"]);
  });

  test("skips request bodies by Content-Length, even across reads", () => {
    const body = "x".repeat(5000);
    const post = `POST /upload HTTP/1.1\r\nContent-Length: ${body.length}\r\n\r\n`;
    const s = new Script().open().data(IN, post, post.length + 1000).data(IN, body.slice(1000), 4000)
      .data(OUT, ok("done")).data(IN, get("/next")).data(OUT, ok("n"));
    expect(s.finished.map((x) => x.target)).toEqual(["/upload", "/next"]);
    expect(s.finished[0]!.requestBytes).toBe(post.length + 5000);
  });

  test("waits past 100 Continue for the real response", () => {
    const head = "PUT /f HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n";
    const s = new Script().open().data(IN, head).data(OUT, "HTTP/1.1 100 Continue\r\n\r\n").data(IN, "abc")
      .data(OUT, ok("", 201));
    expect(s.finished.map((x) => x.status)).toEqual([201]);
  });

  test("follows chunked responses to their last chunk", () => {
    const s = new Script().open().data(IN, get("/c"))
      .data(OUT, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
      .data(OUT, "5\r\nhello\r\n").data(OUT, "6\r\n world\r\n").data(OUT, "0\r\n\r\n");
    expect(s.finished).toHaveLength(1);
    expect(s.finished[0]!.endNs).toBe(1060n); // the write of the last chunk
  });

  test("ends a response it cannot frame at the next request", () => {
    const big = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n";
    const s = new Script().open().data(IN, get("/a")).data(OUT, big, 70000).data(OUT, "", 30000)
      .data(IN, get("/b")).data(OUT, ok("b"));
    expect(s.finished.map((x) => [x.target, x.endNs])).toEqual([["/a", 1040n], ["/b", 1060n]]);
  });

  test("a response without length ends with the connection", () => {
    const s = new Script().open().data(IN, get("/old")).data(OUT, "HTTP/1.0 200 OK\r\n\r\nabc").data(OUT, "more")
      .close();
    expect(s.finished.map((x) => [x.status, x.endNs, x.responseBytes])).toEqual([[200, 1040n, 26]]);
  });

  test("HEAD responses have no body even with Content-Length", () => {
    const s = new Script().open().data(IN, "HEAD / HTTP/1.1\r\n\r\n").data(OUT, "HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n")
      .data(IN, get("/x")).data(OUT, ok("1"));
    expect(s.finished.map((x) => x.method)).toEqual(["HEAD", "GET"]);
  });

  test("an unanswered request ends with status 0 at close", () => {
    const s = new Script().open().data(IN, get("/hang")).close();
    expect(s.finished.map((x) => x.status)).toEqual([0]);
  });

  test("ignores garbage, other protocols and truncated heads", () => {
    const s = new Script().open().data(IN, "\u0001\u0002garbage").data(OUT, "*3\r\n$3\r\nSET\r\n").close()
      .open().data(IN, "GET /trunc HTTP/1.1\r\nHost: a\r\n").close();
    expect(s.finished).toHaveLength(0);
  });

  test("drops a request whose head runs past 64 KiB", () => {
    const s = new Script().open().data(IN, "GET /x HTTP/1.1\r\nX-Big: aaaa", 8192);
    for (let i = 0; i < 10; i++) s.data(IN, "aaaa", 8192);
    s.data(OUT, ok("", 431)).close();
    expect(s.dropped).toHaveLength(1);
    expect(s.finished).toHaveLength(0);
  });

  test("a reused fd starts a new connection", () => {
    const s = new Script().open().data(IN, get("/a")).open().data(IN, get("/b")).data(OUT, ok("b"));
    expect(s.finished.map((x) => `${x.target} ${x.status}`)).toEqual(["/a 0", "/b 200"]);
  });
});

describe("ExchangeTracker on client connections", () => {
  test("pairs written requests with read responses, split reads included", () => {
    const s = new Script().open(CLIENT, { fd: 9 }).data(OUT, get("/api"), undefined, { fd: 9, role: CLIENT })
      .data(IN, "HTTP/1.1 404 Not Found\r\nContent-Len", undefined, { fd: 9, role: CLIENT })
      .data(IN, "gth: 2\r\n\r\nno", undefined, { fd: 9, role: CLIENT });
    expect(s.finished.map((x) => [x.connection.role, x.status, x.host])).toEqual([["client", 404, "localhost:8080"]]);
  });

  test("a call made while a thread serves a request is its child", () => {
    const s = new Script().open().data(IN, get("/front"), undefined, { tid: 7 })
      .open(CLIENT, { fd: 9, tid: 7 }).data(OUT, get("/back"), undefined, { fd: 9, tid: 7 })
      .data(IN, ok("b"), undefined, { fd: 9, tid: 7 })
      .data(OUT, ok("f"), undefined, { tid: 7 });
    const [back, front] = s.finished;
    expect(back!.target).toBe("/back");
    expect(back!.parent).toBe(front);
  });

  test("a call after the response was sent has no parent", () => {
    const s = new Script().open().data(IN, get("/front"), undefined, { tid: 7 }).data(OUT, ok("f"))
      .open(CLIENT, { fd: 9, tid: 7 }).data(OUT, get("/later"), undefined, { fd: 9, tid: 7 })
      .data(IN, ok("b"), undefined, { fd: 9, tid: 7 });
    expect(s.finished[1]!.parent).toBeUndefined();
  });
});

describe("ExchangeTracker and malformed requests", () => {
  test("a head longer than the prefix that the server refuses leaves no exchange", () => {
    const s = new Script().open().data(IN, `GET / HTTP/1.1\r\nX-Long: ${"a".repeat(300)}`, 65536)
      .data(OUT, "HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n").close();
    expect(s.finished).toHaveLength(0);
    expect(s.dropped).toHaveLength(1);
  });

  test("a long head the server accepts is a request like any other", () => {
    const s = new Script().open().data(IN, `GET /ok HTTP/1.1\r\nCookie: ${"c".repeat(300)}`, 900)
      .data(OUT, ok("fine"));
    expect(s.finished.map((x) => [x.target, x.status, x.truncated])).toEqual([["/ok", 200, true]]);
  });
});

describe("ExchangeTracker bounds", () => {
  test("a process that exited without closing ends its connections", () => {
    const s = new Script().open().data(IN, get("/a")).data(OUT, ok("a")).data(IN, get("/b"));
    expect(s.tracker.pids()).toEqual(new Set([1]));
    s.tracker.closeProcess(1, 5000n);
    expect(s.tracker.connections).toBe(0);
    expect(s.finished.map((x) => `${x.target} ${x.status}`)).toEqual(["/a 200", "/b 0"]);
  });

  test("follows no more connections than the kernel map holds", () => {
    const s = new Script();
    for (let fd = 0; fd < 65536 + 10; fd++) s.open(SERVER, { fd });
    expect(s.tracker.connections).toBe(65536);
  });
});
