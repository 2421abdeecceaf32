import { describe, expect, test } from "bun:test";
import type { MessageHead } from "./head_parser.ts";
import { type FramerSink, MessageFramer } from "./message_framer.ts";

/** A framer whose sink writes down what it is told. */
function framer() {
  const log: string[] = [];
  const sink: FramerSink = {
    head: (head: MessageHead, ts) => log.push(`head ${head.method ?? head.status} ${head.target ?? ""} @${ts}`),
    bytes: (n) => log.push(`bytes ${n}`),
    end: (ts) => log.push(`end @${ts}`),
    abort: () => log.push("abort"),
    bodyless: () => false,
  };
  return { log, framer: new MessageFramer(sink) };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe("MessageFramer on bytes", () => {
  const response = (length: number, body: string) =>
    `HTTP/1.1 200 OK\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: ${length}\r\n\r\n${body}`;

  test("a repeated head is framed like the first one", () => {
    const { log, framer: f } = framer();
    for (let ts = 1; ts <= 3; ts++) {
      const b = bytes(response(2, "ok"));
      f.push(b.length, b, 0, b.length, ts, 1);
    }
    expect(log.filter((l) => l.startsWith("head") || l.startsWith("end"))).toEqual(
      ["head 200  @1", "end @1", "head 200  @2", "end @2", "head 200  @3", "end @3"]);
  });

  test("a head that differs from the remembered one in one byte is parsed again", () => {
    const { log, framer: f } = framer();
    // Same length, another Content-Length: the second body is 3 bytes, split over two writes.
    const first = bytes(response(2, "ok"));
    const second = bytes(response(3, "ab"));
    f.push(first.length, first, 0, first.length, 1, 1);
    f.push(second.length, second, 0, second.length, 2, 1);
    expect(log.at(-1)).toBe("bytes 2");
    const rest = bytes("c");
    f.push(1, rest, 0, 1, 3, 1);
    expect(log.slice(-2)).toEqual(["bytes 1", "end @3"]);
  });

  test("reads a head at any offset of an array (the ring buffer's memory), aligned or not", () => {
    const { log, framer: f } = framer();
    const text = response(0, "");
    for (const at of [0, 1, 2, 3, 5, 8]) {
      const memory = new Uint8Array(at + text.length + 8).fill(0x41);
      memory.set(bytes(text), at);
      f.push(text.length, memory, at, text.length, at, 1);
    }
    expect(log.filter((l) => l.startsWith("end"))).toEqual(["end @0", "end @1", "end @2", "end @3", "end @5", "end @8"]);
  });

  test("stops at a NUL in the prefix: what follows it is stale memory", () => {
    const heads: MessageHead[] = [];
    const f = new MessageFramer({ head: (h) => heads.push(h), bytes: () => {}, end: () => {}, abort: () => {}, bodyless: () => false });
    // The kernel copied "GET /a HTTP/1.1\r\n" and hit a NUL; the stale bytes after it would end the head.
    const memory = bytes("GET /a HTTP/1.1\r\n\0\r\nHost: x\r\n\r\n");
    f.push(60, memory, 0, memory.length, 1, 1);
    expect(heads.map((h) => [h.target, h.truncated, h.host])).toEqual([["/a", true, undefined]]);
  });

  test("a head split across reads is put together from the bytes", () => {
    const { log, framer: f } = framer();
    for (const part of ["GET /sp", "lit HTTP/1.1\r\nHo", "st: a\r", "\n\r\n"]) {
      const b = bytes(part);
      f.push(b.length, b, 0, b.length, 1, 1);
    }
    expect(log).toEqual(["head GET /split @1", "bytes 32", "end @1"]);
  });

  test("follows pipelined requests after a body in one buffer", () => {
    const { log, framer: f } = framer();
    const b = bytes("POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nxyzGET /b HTTP/1.1\r\n\r\n");
    f.push(b.length, b, 0, b.length, 7, 1);
    expect(log.filter((l) => l.startsWith("head"))).toEqual(["head POST /a @7", "head GET /b @7"]);
  });
});
