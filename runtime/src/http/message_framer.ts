/**
 * Splits one direction of a connection into HTTP/1.x messages, from what the kernel sends for
 * each read or write: its length and a bounded prefix of its bytes. It finds each head, parses
 * it (head_parser.ts), then skips the body by Content-Length or by chunk sizes, so the next
 * message is found even when several share one buffer (pipelining) or one spans many (split
 * reads, large bodies). Body bytes are only counted, never looked at or kept.
 *
 * It reads the prefix where it lies (the ring buffer's memory, given as bytes and an offset),
 * and makes a string only of a head it has not seen before: each direction remembers its last
 * head's bytes, and a buffer that starts with the same bytes (a client repeating its request, a
 * server its response within one second of its Date header) reuses that parse after one
 * comparison. Offsets are bytes.
 *
 * When a boundary falls in bytes the prefix did not show (a chunk-size line deep in a large
 * buffer, a head longer than the prefix), framing is lost for that message: it then ends where
 * the next buffer starts a new message, or when the connection closes.
 */
import { type MessageHead, parseHead, parseHeadCached, startsMessageAt } from "./head_parser.ts";

/** Longest head accepted; a longer one (a 1 MB header line) is dropped as malformed. */
export const MAX_HEAD_BYTES = 64 * 1024;

/** Heads up to this long are remembered (per direction) for the comparison. */
const REMEMBERED_HEAD_BYTES = 1024;

/** What the framer reports, in stream order. Times are the tracker's (ns, time_base.ts). */
export interface FramerSink {
  /** A message started; `ts` is the time of the buffer holding its first byte. */
  head(head: MessageHead, ts: number, tid: number): void;
  /** `n` more wire bytes (head included) of the current message. */
  bytes(n: number): void;
  /** The current message ended with the buffer at `ts`. */
  end(ts: number): void;
  /** The current message turned out malformed: forget it. */
  abort(): void;
  /** Whether a message with this head has no body (responses to HEAD requests, 204, 304, 1xx). */
  bodyless(head: MessageHead): boolean;
}

// States (numbers in fields rather than an object per state: nothing is allocated per message).
const IDLE = 0;
const SKIP = 1; // garbage: wait for a buffer that starts a message
const HEAD = 2;
const LENGTH = 3;
const CHUNK_SIZE = 4;
const CHUNK_DATA = 5;
const TRAILER = 6;
const UNFRAMED = 7;

const utf8 = new TextDecoder();

export class MessageFramer {
  #at = IDLE;
  #lastTs = 0;
  /** LENGTH, CHUNK_DATA: body bytes still to come. */
  #remaining = 0;
  /** HEAD: when and on which thread the head began, its wire bytes so far. */
  #headTs = 0;
  #headTid = 0;
  #headBytes = 0;
  /** HEAD: the visible bytes of a head that spans buffers (#headLength of them). */
  #headBuffer = new Uint8Array(0);
  #headLength = 0;
  /** CHUNK_SIZE: the start of a chunk-size line cut by a buffer's end. TRAILER: the last bytes seen. */
  #line = "";
  /** UNFRAMED after a head longer than the prefix: its bytes so far; -1 otherwise. */
  #truncatedHeadBytes = -1;
  /** The last head parsed from one buffer: its bytes (CRLFCRLF included) and its parse. */
  #known: Uint8Array | undefined;
  #knownWords: Uint32Array | undefined;
  #knownHead: MessageHead | undefined;
  readonly #sink: FramerSink;

  constructor(sink: FramerSink) {
    this.#sink = sink;
  }

  /** Whether a message is in progress (its head seen, its end not). */
  get inMessage(): boolean {
    const at = this.#at;
    return at !== IDLE && at !== SKIP && at !== HEAD;
  }

  /** Whether the current message's end can only be known from what follows it. */
  get unframed(): boolean {
    return this.#at === UNFRAMED;
  }

  /**
   * One read or write of `len` bytes. Its first bytes are at `bytes[start, start + limit)`
   * (`limit`: as many as the kernel may have copied), up to the first NUL there; the memory may
   * be the ring buffer's, read only during this call.
   */
  push(len: number, bytes: Uint8Array, start: number, limit: number, ts: number, tid: number): void {
    let offset = 0;
    /** How many of the prefix's bytes are real (up to its NUL); -1 until needed. */
    let visible = -1;
    // A buffer that starts a new message ends a message whose end could not be framed.
    if (this.#at === UNFRAMED || this.#at === SKIP) {
      if (startsMessageAt(bytes, start, limit < 16 ? limit : 16)) {
        if (this.#at === UNFRAMED) this.#finish(this.#lastTs);
        this.#at = IDLE;
      } else if (this.#at === UNFRAMED) {
        this.#countUnframed(len);
        this.#lastTs = ts;
        return;
      } else {
        return;
      }
    }
    // The common states are handled here, the rest in methods of their own: a small loop
    // compiles faster, and code that never runs is never compiled.
    while (offset < len) {
      switch (this.#at) {
        case IDLE: {
          // The usual case: the same head as last time, at the start of the buffer.
          const known = this.#known;
          if (offset === 0 && known !== undefined && known.length <= limit && this.#isKnown(bytes, start)) {
            this.#headTs = ts;
            this.#headTid = tid;
            this.#headBytes = known.length;
            offset = known.length;
            this.#startMessage(this.#knownHead, false, ts);
            break;
          }
          if (visible < 0) visible = visibleLength(bytes, start, limit);
          if (!this.#begin(bytes, start + offset, visible - offset, ts, tid)) return;
          break;
        }
        case HEAD:
          if (visible < 0) visible = visibleLength(bytes, start, limit);
          offset = this.#head(len, bytes, start, offset, visible, ts);
          break;
        case LENGTH:
        case CHUNK_DATA: {
          const take = Math.min(this.#remaining, len - offset);
          this.#remaining -= take;
          offset += take;
          this.#sink.bytes(take);
          if (this.#remaining === 0) {
            if (this.#at === LENGTH) {
              this.#finish(ts);
            } else {
              this.#at = CHUNK_SIZE;
              this.#line = "";
            }
          }
          break;
        }
        case CHUNK_SIZE:
          if (visible < 0) visible = visibleLength(bytes, start, limit);
          offset = this.#chunkSize(len, bytes, start, offset, visible, ts);
          if (offset < 0) return;
          break;
        case TRAILER:
          if (visible < 0) visible = visibleLength(bytes, start, limit);
          offset = this.#trailer(len, bytes, start, offset, visible, ts);
          if (offset < 0) return;
          break;
        case UNFRAMED:
          this.#countUnframed(len - offset);
          this.#lastTs = ts;
          return;
        default: // SKIP
          return;
      }
    }
  }

  /** IDLE: whether the `rest` visible bytes at `at` start a message (HEAD now), or are garbage (SKIP). */
  #begin(bytes: Uint8Array, at: number, rest: number, ts: number, tid: number): boolean {
    if (rest <= 0 || !startsMessageAt(bytes, at, rest < 16 ? rest : 16)) {
      this.#at = SKIP;
      return false;
    }
    this.#at = HEAD;
    this.#headTs = ts;
    this.#headTid = tid;
    this.#headBytes = 0;
    this.#headLength = 0;
    return true;
  }

  /** HEAD: looks for the head's end from `offset`; returns the offset after what it used. */
  #head(len: number, bytes: Uint8Array, start: number, offset: number, visible: number, ts: number): number {
    // A head that starts and ends in this buffer's prefix: parsed from the bytes in place.
    if (this.#headLength === 0) {
      const from = start + offset;
      const end = headEnd(bytes, from, start + visible);
      if (end >= 0) {
        const used = end + 4 - from;
        this.#headBytes += used;
        const head = parseHeadCached(utf8.decode(bytes.subarray(from, end)));
        if (head && used <= REMEMBERED_HEAD_BYTES) this.#remember(bytes, from, used, head);
        this.#startMessage(head, false, ts);
        return offset + used;
      }
    }
    const part = visible > offset ? visible - offset : 0;
    const before = this.#headLength;
    this.#append(bytes, start + offset, part);
    const end = headEnd(this.#headBuffer, before > 3 ? before - 3 : 0, this.#headLength);
    if (end >= 0) {
      const used = end + 4 - before;
      this.#headBytes += used;
      this.#startMessage(parseHeadCached(utf8.decode(this.#headBuffer.subarray(0, end))), false, ts);
      return offset + used;
    }
    if (offset + part < len) {
      // The head goes on past what the prefix showed: keep what was seen, frame no further.
      this.#headBytes += len - offset;
      this.#startMessage(parseHead(utf8.decode(this.#headBuffer.subarray(0, this.#headLength)), true), true, ts);
      return len;
    }
    this.#headBytes += part;
    if (this.#headBytes > MAX_HEAD_BYTES) this.#at = SKIP;
    return len;
  }

  /** CHUNK_SIZE: reads a chunk-size line; returns the offset after it, or -1 when the buffer is done. */
  #chunkSize(len: number, bytes: Uint8Array, start: number, offset: number, visible: number, ts: number): number {
    if (offset >= visible) {
      this.#lose(len - offset, ts);
      return -1;
    }
    const text = latin1(bytes, start + offset, start + visible);
    const full = this.#line + text;
    const eol = full.indexOf("\r\n");
    if (eol < 0) {
      if (offset + text.length < len || full.length > 64) {
        this.#lose(len - offset, ts);
        return -1;
      }
      this.#line = full;
      this.#sink.bytes(text.length);
      return len;
    }
    const used = eol + 2 - this.#line.length;
    const size = parseInt(full.slice(0, eol).split(";")[0]!.trim(), 16);
    this.#sink.bytes(used);
    if (!Number.isFinite(size) || size < 0) {
      this.#lose(len - offset - used, ts);
      return -1;
    }
    if (size === 0) {
      this.#at = TRAILER;
      this.#line = "";
    } else {
      this.#at = CHUNK_DATA;
      this.#remaining = size + 2;
    }
    return offset + used;
  }

  /** TRAILER: looks for the end of the trailer; returns the offset after it, or -1 when the buffer is done. */
  #trailer(len: number, bytes: Uint8Array, start: number, offset: number, visible: number, ts: number): number {
    if (offset >= visible) {
      this.#sink.bytes(len - offset);
      this.#finish(ts);
      return -1;
    }
    const full = this.#line + latin1(bytes, start + offset, start + visible);
    const end = full.startsWith("\r\n") ? 0 : full.indexOf("\r\n\r\n");
    if (end < 0) {
      this.#line = full.slice(-4);
      this.#sink.bytes(len - offset);
      return len;
    }
    const used = (end === 0 ? 2 : end + 4) - this.#line.length;
    this.#sink.bytes(used);
    this.#finish(ts);
    return offset + used;
  }

  /** The connection closed: a message whose end was not framed ends with its last bytes. */
  close(): void {
    if (this.#at === UNFRAMED) this.#finish(this.#lastTs);
    else if (this.inMessage) this.#sink.abort();
    this.#at = IDLE;
  }

  /**
   * Ends an unframed message now (the other direction showed it must be over: a response began,
   * or a new request was sent).
   */
  endUnframed(): void {
    if (this.#at === UNFRAMED) {
      this.#finish(this.#lastTs);
      this.#at = SKIP;
    }
  }

  #startMessage(head: MessageHead | undefined, truncated: boolean, ts: number): void {
    if (!head) {
      this.#at = SKIP;
      return;
    }
    this.#sink.head(head, this.#headTs, this.#headTid);
    this.#sink.bytes(this.#headBytes);
    this.#lastTs = ts;
    if (truncated) {
      this.#at = UNFRAMED;
      this.#truncatedHeadBytes = this.#headBytes;
    } else if (this.#sink.bodyless(head)) {
      this.#finish(ts);
    } else if (head.chunked) {
      this.#at = CHUNK_SIZE;
      this.#line = "";
    } else if (head.contentLength !== undefined) {
      if (head.contentLength === 0) {
        this.#finish(ts);
      } else {
        this.#at = LENGTH;
        this.#remaining = head.contentLength;
      }
    } else if (head.kind === "request") {
      this.#finish(ts); // a request without Content-Length or chunking has no body
    } else {
      this.#at = UNFRAMED; // a response delimited by the connection's close
      this.#truncatedHeadBytes = -1;
    }
  }

  #countUnframed(n: number): void {
    this.#sink.bytes(n);
    if (this.#at === UNFRAMED && this.#truncatedHeadBytes >= 0) {
      this.#truncatedHeadBytes += n;
      // A head that never ends within bounds is not HTTP we can trust (a 1 MB header line).
      if (this.#truncatedHeadBytes > MAX_HEAD_BYTES) {
        this.#sink.abort();
        this.#at = SKIP;
      }
    }
  }

  /** Framing was lost inside a body: count the rest, end the message at what follows. */
  #lose(rest: number, ts: number): void {
    this.#sink.bytes(rest);
    this.#lastTs = ts;
    this.#at = UNFRAMED;
    this.#truncatedHeadBytes = -1;
  }

  #finish(ts: number): void {
    this.#at = IDLE;
    this.#sink.end(ts);
  }

  /** Appends `n` bytes of a head that spans buffers. */
  #append(bytes: Uint8Array, from: number, n: number): void {
    const needed = this.#headLength + n;
    if (needed > this.#headBuffer.length) {
      const grown = new Uint8Array(Math.max(needed, this.#headBuffer.length * 2, 256));
      grown.set(this.#headBuffer.subarray(0, this.#headLength));
      this.#headBuffer = grown;
    }
    this.#headBuffer.set(bytes.subarray(from, from + n), this.#headLength);
    this.#headLength = needed;
  }

  #remember(bytes: Uint8Array, from: number, n: number, head: MessageHead): void {
    // Padded to whole 32-bit words, so the comparison can go a word at a time.
    const words = new Uint32Array((n + 3) >>> 2);
    const copy = new Uint8Array(words.buffer, 0, n);
    copy.set(bytes.subarray(from, from + n));
    this.#known = copy;
    this.#knownWords = words;
    this.#knownHead = head;
  }

  /** Whether `bytes` at `at` start with the remembered head (caller checked there are enough). */
  #isKnown(bytes: Uint8Array, at: number): boolean {
    const known = this.#known!;
    const n = known.length;
    const words = wordsOf(bytes);
    let i = 0;
    if (words !== undefined && ((bytes.byteOffset + at) & 3) === 0) {
      const knownWords = this.#knownWords!;
      const base = (bytes.byteOffset + at - words.byteOffset) >>> 2;
      const whole = n >>> 2;
      for (; i < whole; i++) if (words[base + i] !== knownWords[i]) return false;
      i <<= 2;
    }
    for (; i < n; i++) if (bytes[at + i] !== known[i]) return false;
    return true;
  }
}

/** Index of the CRLFCRLF that ends a head in `bytes[from, to)`, or -1. */
function headEnd(bytes: Uint8Array, from: number, to: number): number {
  for (let i = from; i + 3 < to; i++) {
    if (bytes[i] === 13 && bytes[i + 1] === 10 && bytes[i + 2] === 13 && bytes[i + 3] === 10) return i;
  }
  return -1;
}

/**
 * How many of the `limit` bytes at `start` are real: up to the first NUL. The search is not
 * bounded by `limit` (a native search beats a bounded loop); in the ring buffer a NUL always
 * follows a record closely (the next record's length field), elsewhere the array ends.
 */
function visibleLength(bytes: Uint8Array, start: number, limit: number): number {
  const nul = bytes.indexOf(0, start);
  return nul < 0 || nul - start >= limit ? limit : nul - start;
}

/** Bytes as a string of one character each (chunk-size lines and trailers: ASCII). */
function latin1(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
}

/** 32-bit words over the same memory as `bytes` (from its start, rounded up to a word), made again only for new arrays. */
let lastBytes: Uint8Array | undefined;
let lastWords: Uint32Array | undefined;
function wordsOf(bytes: Uint8Array): Uint32Array | undefined {
  if (bytes !== lastBytes) {
    lastBytes = bytes;
    const first = (bytes.byteOffset + 3) & ~3;
    const count = (bytes.byteOffset + bytes.byteLength - first) >>> 2;
    lastWords = count > 0 ? new Uint32Array(bytes.buffer, first, count) : undefined;
  }
  return lastWords;
}
