import { describe, expect, test } from "bun:test";
import type { TypeLayout } from "@ts-bpf/loader";
import { encodeValue } from "../decode/value_codec.ts";
import { ExchangeTracker, type HttpExchange } from "./exchange_tracker.ts";
import { CLOSE, DATA, type HttpEvent, IN, OPEN, OUT, SERVER } from "./http_event.ts";
import { recordFeed, recordOffsets } from "./record_feed.ts";

/** The capture probe's record (probes/http/http_capture.ts HttpEvent), as the compiler lays it out. */
const u = (bits: number) => ({ kind: "int", bits, signed: false, name: `u${bits}` });
const LAYOUT = {
  kind: "struct", name: "HttpEvent", size: 312, align: 8, fields: [
    ["kind", u(8), 0], ["role", u(8), 1], ["dir", u(8), 2], ["family", u(16), 4], ["port", u(16), 6],
    ["pid", u(32), 8], ["tid", u(32), 12], ["fd", u(32), 16], ["listenFd", u(32), 20], ["len", u(32), 24],
    ["seg", u(32), 28], ["ts", u(64), 32], ["addr0", u(32), 40], ["addr1", u(32), 44], ["addr2", u(32), 48],
    ["addr3", u(32), 52], ["data", { kind: "str", capacity: 256 }, 56],
  ].map(([name, type, offset]) => ({ name, type, offset })),
} as unknown as TypeLayout;

/** Records laid out as in a ring buffer's data area: an 8-byte header, 8-byte aligned. */
function ring(events: HttpEvent[]): { view: DataView; offsets: number[] } {
  const encoded = events.map((e) => encodeValue(LAYOUT, e as never));
  const memory = new Uint8Array(encoded.reduce((n, r) => n + 8 + ((r.length + 7) & ~7), 0));
  const offsets: number[] = [];
  let at = 0;
  for (const r of encoded) {
    new DataView(memory.buffer).setUint32(at, r.length, true);
    memory.set(r, at + 8);
    offsets.push(at + 8);
    at += 8 + ((r.length + 7) & ~7);
  }
  return { view: new DataView(memory.buffer), offsets };
}

function collect(): { finished: HttpExchange[]; tracker: ExchangeTracker } {
  const finished: HttpExchange[] = [];
  return { finished, tracker: new ExchangeTracker({ started: () => {}, finished: (x) => finished.push(x), dropped: () => {} }) };
}

const base = { role: SERVER, dir: 0, family: 2, port: 0x5000, pid: 10, tid: 10, fd: 5, listenFd: 3, len: 0, seg: 0,
  addr0: 0x0100007f, addr1: 0, addr2: 0, addr3: 0, data: "" };
// Kernel times whose low halves pass 2^31, as they do every 4.3 s.
const t0 = (7n << 32n) + 0xfffffff0n;
const data = (dir: number, text: string, ts: bigint): HttpEvent =>
  ({ ...base, kind: DATA, dir, data: text, len: text.length, seg: text.length, ts });

describe("recordFeed()", () => {
  const events: HttpEvent[] = [
    { ...base, kind: OPEN, ts: t0 },
    data(IN, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n", t0 + 10n),
    data(OUT, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", t0 + 0x20n),
    data(IN, "GET /b HTTP/1.1\r\nHost: x\r\n\r\n", t0 + 0x30n),
    { ...base, kind: DATA, pid: 99, dir: OUT, data: "HTTP/1.1 500 X\r\n\r\n", len: 18, seg: 18, ts: t0 + 0x38n }, // ignored pid
    data(OUT, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", t0 + 0x40n),
    { ...base, kind: CLOSE, ts: t0 + 0x50n },
  ];

  test("reads records in place into the same exchanges as decoded records give", () => {
    const fed = collect();
    const feed = recordFeed(LAYOUT, fed.tracker, { self: 99, accept: () => true });
    const { view, offsets } = ring(events);
    for (const o of offsets) feed(view, o);
    const pushed = collect();
    for (const e of events) if (e.pid !== 99) pushed.tracker.push(e);
    const summary = (x: HttpExchange) => [x.method, x.target, x.host, x.status, x.startNs, x.endNs, x.requestBytes, x.responseBytes];
    expect(fed.finished.map(summary)).toEqual(pushed.finished.map(summary));
    expect(fed.finished.map(summary)).toEqual([
      ["GET", "/a", "x", 200, t0, t0 + 0x20n, 28, 40],
      ["GET", "/b", "x", 404, t0 + 0x30n, t0 + 0x40n, 28, 45],
    ]);
  });

  test("follows only the connections `accept` takes", () => {
    const fed = collect();
    const feed = recordFeed(LAYOUT, fed.tracker, { self: 0, accept: (e) => e.pid !== 10 });
    const { view, offsets } = ring(events);
    for (const o of offsets) feed(view, o);
    expect(fed.finished).toHaveLength(0);
  });

  test("refuses a record layout it does not know how to read", () => {
    const renamed = { ...LAYOUT, fields: LAYOUT.kind === "struct" ? LAYOUT.fields.filter((f) => f.name !== "seg") : [] } as TypeLayout;
    expect(() => recordOffsets(renamed)).toThrow("no field 'seg'");
  });
});
