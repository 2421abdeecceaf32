/**
 * Parses the head of an HTTP/1.x message (start line and header fields) from text, and tells
 * whether a buffer starts one. Only what pairing, framing and the span attributes need is kept:
 * method, target, status, version, Host, Content-Length, Transfer-Encoding, Connection. It is
 * strict about the start line (a method from the list OBI recognises plus the other standard
 * ones, an origin-form or absolute target, an `HTTP/1.x` version), so random bytes and other
 * protocols on the same port are never taken for HTTP.
 */

/** Methods a request may start with (RFC 9110 plus PATCH); OBI's list is a subset. */
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE"];

const REQUEST_LINE = /^([A-Z]{3,7}) (\S{1,8192}) HTTP\/1\.([01])$/;
const STATUS_LINE = /^HTTP\/1\.([01]) ([1-5]\d\d)(?: .*)?$/;

/** A parsed message head. */
export interface MessageHead {
  kind: "request" | "response";
  /** Request method, e.g. "GET". */
  method?: string;
  /** Request target as sent (origin form "/a?b" or absolute form). */
  target?: string;
  /** Response status code. */
  status?: number;
  /** 0 for HTTP/1.0, 1 for HTTP/1.1. */
  minor: number;
  host?: string;
  contentLength?: number;
  chunked: boolean;
  /** `Connection: close` (or HTTP/1.0 without keep-alive). */
  close: boolean;
  /** The head was cut short (its end was never seen): headers after the cut are unknown. */
  truncated: boolean;
}

/** Whether `text` (the start of a buffer) can be the start of a request or response. */
export function startsMessage(text: string): boolean {
  if (text.startsWith("HTTP/1.")) return true;
  const space = text.indexOf(" ");
  if (space < 0) return text.length < 8 && METHODS.some((m) => m.startsWith(text));
  return METHODS.includes(text.slice(0, space));
}

/** METHODS as bytes, for startsMessageAt. */
const METHOD_BYTES = METHODS.map((m) => [...m].map((c) => c.charCodeAt(0)));
const HTTP_1 = [..."HTTP/1."].map((c) => c.charCodeAt(0));

/**
 * startsMessage on bytes: whether the text at `bytes[from, from + max)` (ending early at a NUL,
 * as the kernel's prefix does) can start a message. False when no byte is there. No string is
 * made: this runs for every buffer that may start a message.
 */
export function startsMessageAt(bytes: Uint8Array, from: number, max: number): boolean {
  let n = 0;
  while (n < max && bytes[from + n] !== 0) n++;
  if (n === 0) return false;
  if (n >= 7 && matches(bytes, from, HTTP_1, 7)) return true;
  let space = 0;
  while (space < n && bytes[from + space] !== 0x20) space++;
  for (const method of METHOD_BYTES) {
    if (space === n) {
      // No space yet: a short buffer may be the start of a method split across reads.
      if (n < 8 && n <= method.length && matches(bytes, from, method, n)) return true;
    } else if (space === method.length && matches(bytes, from, method, space)) {
      return true;
    }
  }
  return false;
}

function matches(bytes: Uint8Array, from: number, expected: number[], n: number): boolean {
  for (let i = 0; i < n; i++) if (bytes[from + i] !== expected[i]) return false;
  return true;
}

/**
 * How many heads parseHeadCached remembers, and the longest it remembers (heads assembled from
 * many small reads can be longer than a prefix): cleared when full, so it holds at most 512 kB.
 */
const HEAD_CACHE_SIZE = 1024;
const HEAD_CACHE_LONGEST = 512;
const recentHeads = new Map<string, MessageHead | null>();

/**
 * parseHead for a complete head, remembering the result by the head's text: clients repeat the
 * same heads (a load balancer's health check, an API client's calls, a server's responses within
 * one second of its Date header), and a lookup costs less than a parse. The head returned is
 * shared: callers must not change it.
 */
export function parseHeadCached(text: string): Readonly<MessageHead> | undefined {
  if (text.length > HEAD_CACHE_LONGEST) return parseHead(text, false);
  const known = recentHeads.get(text);
  if (known !== undefined) return known ?? undefined;
  const head = parseHead(text, false);
  if (recentHeads.size >= HEAD_CACHE_SIZE) recentHeads.clear();
  recentHeads.set(text, head ?? null);
  return head;
}

/**
 * Parses a head (without its final blank line). Returns undefined when the start line is not
 * HTTP/1.x, so callers drop the message instead of guessing.
 */
export function parseHead(text: string, truncated = false): MessageHead | undefined {
  const lines = text.split("\r\n");
  if (truncated && lines.length > 1) lines.pop(); // the last line may be cut in the middle
  const start = lines[0] ?? "";
  let head: MessageHead;
  const request = REQUEST_LINE.exec(start);
  if (request) {
    if (!METHODS.includes(request[1]!)) return undefined;
    // Every head has every field, in one order: code reading heads then sees one shape of object.
    head = { kind: "request", method: request[1], target: request[2], status: undefined, minor: Number(request[3]),
      host: undefined, contentLength: undefined, chunked: false, close: request[3] === "0", truncated };
  } else {
    const status = STATUS_LINE.exec(start);
    if (!status) return undefined;
    head = { kind: "response", method: undefined, target: undefined, status: Number(status[2]),
      minor: Number(status[1]), host: undefined, contentLength: undefined, chunked: false,
      close: status[1] === "0", truncated };
  }
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    // Only four fields matter, named in 4, 10, 14 and 17 characters: any other field is skipped
    // without making its name lower case (most of a response's head: Date, Server, ETag, ...),
    // unless spaces around the name make its length say nothing.
    if (colon !== 4 && colon !== 10 && colon !== 14 && colon !== 17 &&
      !isSpace(line.charCodeAt(0)) && !isSpace(line.charCodeAt(colon - 1))) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    switch (name) {
      case "host": head.host = value; break;
      case "content-length": {
        const n = Number(value);
        if (Number.isSafeInteger(n) && n >= 0) head.contentLength = n;
        break;
      }
      case "transfer-encoding": head.chunked = /(^|,)\s*chunked\s*$/i.test(value); break;
      case "connection":
        if (/\bclose\b/i.test(value)) head.close = true;
        else if (/\bkeep-alive\b/i.test(value)) head.close = false;
        break;
    }
  }
  return head;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}
