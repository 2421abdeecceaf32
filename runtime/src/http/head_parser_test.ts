import { describe, expect, test } from "bun:test";
import { parseHead, parseHeadCached, startsMessage, startsMessageAt } from "./head_parser.ts";

describe("parseHead()", () => {
  test("reads a request's method, target, Host and Content-Length", () => {
    const head = parseHead("POST /users/7?x=1 HTTP/1.1\r\nHost: api:8080\r\ncontent-length: 12");
    expect(head).toEqual({ kind: "request", method: "POST", target: "/users/7?x=1", minor: 1,
      host: "api:8080", contentLength: 12, chunked: false, close: false, truncated: false });
  });

  test("reads a response's status, chunking and Connection: close", () => {
    const head = parseHead("HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\nConnection: close");
    expect(head?.status).toBe(503);
    expect(head?.chunked).toBe(true);
    expect(head?.close).toBe(true);
  });

  test("treats HTTP/1.0 as closing unless keep-alive is asked for", () => {
    expect(parseHead("GET / HTTP/1.0")?.close).toBe(true);
    expect(parseHead("GET / HTTP/1.0\r\nConnection: keep-alive")?.close).toBe(false);
  });

  test("refuses what is not an HTTP/1.x start line", () => {
    expect(parseHead("GET / HTTP/2.0")).toBeUndefined();
    expect(parseHead("FOO / HTTP/1.1")).toBeUndefined();
    expect(parseHead("HTTP/1.1 99 Low")).toBeUndefined();
    expect(parseHead("\u0016\u0003\u0001 random")).toBeUndefined();
  });

  test("drops the possibly cut last line of a truncated head", () => {
    const head = parseHead("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 12", true);
    expect(head?.host).toBe("a");
    expect(head?.contentLength).toBeUndefined();
    expect(head?.truncated).toBe(true);
  });
});

describe("startsMessage()", () => {
  test("knows request methods, responses and their first bytes", () => {
    expect(startsMessage("GET /")).toBe(true);
    expect(startsMessage("HTTP/1.1 200")).toBe(true);
    expect(startsMessage("GE")).toBe(true);
    expect(startsMessage("SSH-2.0-OpenSSH")).toBe(false);
    expect(startsMessage("*1\r\n$4\r\nPING")).toBe(false);
  });
});

test("parseHeadCached gives what parseHead gives, for a head seen again and for a long one", () => {
  const short = "GET /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3";
  const long = `POST /b HTTP/1.1\r\nX-Pad: ${"p".repeat(600)}\r\nTransfer-Encoding: chunked`;
  for (const text of [short, short, long, long, "NOT HTTP", "NOT HTTP"]) {
    expect(parseHeadCached(text)).toEqual(parseHead(text));
  }
  expect(parseHeadCached(short)).toBe(parseHeadCached(short)); // remembered: the same object
});

test("fields of other lengths are skipped, but not one whose name has spaces around it", () => {
  const head = parseHead("HTTP/1.1 200 OK\r\nDate: x\r\nETag: \"1\"\r\nX-Content-Length: 9\r\nContent-Length : 5\r\n" +
    " connection: close");
  expect(head?.contentLength).toBe(5);
  expect(head?.close).toBe(true);
});

describe("startsMessageAt()", () => {
  test("agrees with startsMessage() on the first 16 bytes of a buffer", () => {
    const starts = ["GET / HTTP/1.1", "HTTP/1.1 200 OK", "HTTP/1.", "HTTP/", "GE", "DELETE /x", "PATCH", "OPTIONS *",
      "get / HTTP/1.1", "GETX / HTTP/1.1", " GET /", "\u0001\u0002garbage", "*3\r\n$3\r\nSET", "CONNECTX", "POS"];
    for (const text of starts) {
      const bytes = new TextEncoder().encode(`..${text}`);
      expect([text, startsMessageAt(bytes, 2, Math.min(16, bytes.length - 2))]).toEqual([text, startsMessage(text.slice(0, 16))]);
    }
  });

  test("ends at a NUL, and finds nothing in an empty prefix", () => {
    expect(startsMessageAt(new TextEncoder().encode("GE\0T / HTTP/1.1"), 0, 16)).toBe(true); // "GE": a method's start
    expect(startsMessageAt(new TextEncoder().encode("X\0GET / HTTP/1.1"), 0, 16)).toBe(false);
    expect(startsMessageAt(new Uint8Array(4), 0, 4)).toBe(false);
    expect(startsMessageAt(new TextEncoder().encode("GET / HTTP/1.1"), 0, 0)).toBe(false);
  });
});
