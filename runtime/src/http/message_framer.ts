/**
 * Splits one direction of a connection into HTTP/1.x messages, from what the kernel sends for
 * each read or write: its length and a bounded prefix of its bytes. It finds each head, parses
 * it (head_parser.ts), then skips the body by Content-Length or by chunk sizes, so the next
 * message is found even when several share one buffer (pipelining) or one spans many (split
 * reads, large bodies). Body bytes are only counted, never kept.
 *
 * When a boundary falls in bytes the prefix did not show (a chunk-size line deep in a large
 * buffer, a head longer than the prefix), framing is lost for that message: it then ends where
 * the next buffer starts a new message, or when the connection closes. Offsets are counted in
 * decoded characters, which equal bytes for the ASCII of heads and chunk lines.
 */
import { type MessageHead, parseHead, parseHeadCached, startsMessage } from "./head_parser.ts";

/** Longest head accepted; a longer one (a 1 MB header line) is dropped as malformed. */
export const MAX_HEAD_BYTES = 64 * 1024;

/** What the framer reports, in stream order. */
export interface FramerSink {
  /** A message started; `ts` is the time of the buffer holding its first byte. */
  head(head: MessageHead, ts: bigint, tid: number): void;
  /** `n` more wire bytes (head included) of the current message. */
  bytes(n: number): void;
  /** The current message ended with the buffer at `ts`. */
  end(ts: bigint): void;
  /** The current message turned out malformed: forget it. */
  abort(): void;
}

type State =
  | { at: "idle" }
  | { at: "skip" } // garbage: wait for a buffer that starts a message
  | { at: "head"; text: string; ts: bigint; tid: number; bytes: number }
  | { at: "length"; remaining: number }
  | { at: "chunk-size"; line: string }
  | { at: "chunk-data"; remaining: number }
  | { at: "trailer"; text: string }
  | { at: "unframed"; truncatedHeadBytes?: number };

export class MessageFramer {
  #state: State = { at: "idle" };
  #lastTs = 0n;
  readonly #sink: FramerSink;
  /** Whether a response to this head has no body (HEAD requests, 204, 304, 1xx). */
  readonly #bodyless: (head: MessageHead) => boolean;

  constructor(sink: FramerSink, bodyless: (head: MessageHead) => boolean = () => false) {
    this.#sink = sink;
    this.#bodyless = bodyless;
  }

  /** Whether a message is in progress (its head seen, its end not). */
  get inMessage(): boolean {
    const at = this.#state.at;
    return at !== "idle" && at !== "skip" && at !== "head";
  }

  /** Whether the current message's end can only be known from what follows it. */
  get unframed(): boolean {
    return this.#state.at === "unframed";
  }

  /** One read or write: `len` bytes, of which `visible` are the first ones. */
  push(len: number, visible: string, ts: bigint, tid: number): void {
    let offset = 0;
    // A buffer that starts a new message ends a message whose end could not be framed.
    if (this.#state.at === "unframed" || this.#state.at === "skip") {
      if (startsMessage(visible.slice(0, 16)) && visible.length > 0) {
        if (this.#state.at === "unframed") this.#finish(this.#lastTs);
        this.#state = { at: "idle" };
      } else if (this.#state.at === "unframed") {
        this.#countUnframed(len);
        this.#lastTs = ts;
        return;
      } else {
        return;
      }
    }
    while (offset < len) {
      const state = this.#state as State;
      const seen = offset < visible.length;
      switch (state.at) {
        case "idle": {
          const text = visible.slice(offset);
          if (!seen || !startsMessage(text.slice(0, 16))) {
            this.#state = { at: "skip" };
            return;
          }
          this.#state = { at: "head", text: "", ts, tid, bytes: 0 };
          break;
        }
        case "head": {
          // The usual case, a head that starts and ends in this buffer's prefix: no copies.
          if (state.text === "") {
            const end = visible.indexOf("\r\n\r\n", offset);
            if (end >= 0) {
              const used = end + 4 - offset;
              const text = visible.slice(offset, end);
              state.bytes += used;
              offset += used;
              this.#startMessage(text, false, state, ts);
              break;
            }
          }
          const part = visible.slice(offset);
          const before = state.text.length;
          state.text += part;
          const end = state.text.indexOf("\r\n\r\n");
          if (end >= 0) {
            const used = end + 4 - before;
            state.bytes += used;
            offset += used;
            this.#startMessage(state.text.slice(0, end), false, state, ts);
          } else if (offset + part.length < len) {
            // The head goes on past what the prefix showed: keep what was seen, frame no further.
            state.bytes += len - offset;
            offset = len;
            this.#startMessage(state.text, true, state, ts);
          } else {
            state.bytes += part.length;
            offset = len;
            if (state.bytes > MAX_HEAD_BYTES) this.#state = { at: "skip" };
          }
          break;
        }
        case "length": {
          const take = Math.min(state.remaining, len - offset);
          state.remaining -= take;
          offset += take;
          this.#sink.bytes(take);
          if (state.remaining === 0) this.#finish(ts);
          break;
        }
        case "chunk-data": {
          const take = Math.min(state.remaining, len - offset);
          state.remaining -= take;
          offset += take;
          this.#sink.bytes(take);
          if (state.remaining === 0) this.#state = { at: "chunk-size", line: "" };
          break;
        }
        case "chunk-size": {
          if (!seen) {
            this.#lose(len - offset, ts);
            return;
          }
          const text = visible.slice(offset);
          const full = state.line + text;
          const eol = full.indexOf("\r\n");
          if (eol < 0) {
            if (offset + text.length < len || full.length > 64) {
              this.#lose(len - offset, ts);
              return;
            }
            state.line = full;
            this.#sink.bytes(text.length);
            offset = len;
            break;
          }
          const used = eol + 2 - state.line.length;
          const size = parseInt(full.slice(0, eol).split(";")[0]!.trim(), 16);
          offset += used;
          this.#sink.bytes(used);
          if (!Number.isFinite(size) || size < 0) {
            this.#lose(len - offset, ts);
            return;
          }
          this.#state = size === 0 ? { at: "trailer", text: "" } : { at: "chunk-data", remaining: size + 2 };
          break;
        }
        case "trailer": {
          if (!seen) {
            this.#sink.bytes(len - offset);
            this.#finish(ts);
            return;
          }
          const text = visible.slice(offset);
          const full = state.text + text;
          const end = full.startsWith("\r\n") ? 0 : full.indexOf("\r\n\r\n");
          if (end < 0) {
            state.text = full.slice(-4);
            this.#sink.bytes(len - offset);
            offset = len;
            break;
          }
          const used = (end === 0 ? 2 : end + 4) - state.text.length;
          offset += used;
          this.#sink.bytes(used);
          this.#finish(ts);
          break;
        }
        case "unframed":
          this.#countUnframed(len - offset);
          this.#lastTs = ts;
          return;
        case "skip":
          return;
      }
    }
  }

  /** The connection closed: a message whose end was not framed ends with its last bytes. */
  close(): void {
    if (this.#state.at === "unframed") this.#finish(this.#lastTs);
    else if (this.inMessage) this.#sink.abort();
    this.#state = { at: "idle" };
  }

  /**
   * Ends an unframed message now (the other direction showed it must be over: a response began,
   * or a new request was sent).
   */
  endUnframed(): void {
    if (this.#state.at === "unframed") {
      this.#finish(this.#lastTs);
      this.#state = { at: "skip" };
    }
  }

  #startMessage(text: string, truncated: boolean, state: Extract<State, { at: "head" }>, ts: bigint): void {
    const head = truncated ? parseHead(text, true) : parseHeadCached(text);
    if (!head) {
      this.#state = { at: "skip" };
      return;
    }
    this.#sink.head(head, state.ts, state.tid);
    this.#sink.bytes(state.bytes);
    this.#lastTs = ts;
    if (truncated) {
      this.#state = { at: "unframed", truncatedHeadBytes: state.bytes };
    } else if (this.#bodyless(head)) {
      this.#finish(ts);
    } else if (head.chunked) {
      this.#state = { at: "chunk-size", line: "" };
    } else if (head.contentLength !== undefined) {
      if (head.contentLength === 0) this.#finish(ts);
      else this.#state = { at: "length", remaining: head.contentLength };
    } else if (head.kind === "request") {
      this.#finish(ts); // a request without Content-Length or chunking has no body
    } else {
      this.#state = { at: "unframed" }; // a response delimited by the connection's close
    }
  }

  #countUnframed(n: number): void {
    const state = this.#state;
    this.#sink.bytes(n);
    if (state.at === "unframed" && state.truncatedHeadBytes !== undefined) {
      state.truncatedHeadBytes += n;
      // A head that never ends within bounds is not HTTP we can trust (a 1 MB header line).
      if (state.truncatedHeadBytes > MAX_HEAD_BYTES) {
        this.#sink.abort();
        this.#state = { at: "skip" };
      }
    }
  }

  /** Framing was lost inside a body: count the rest, end the message at what follows. */
  #lose(rest: number, ts: bigint): void {
    this.#sink.bytes(rest);
    this.#lastTs = ts;
    this.#state = { at: "unframed" };
  }

  #finish(ts: bigint): void {
    this.#state = { at: "idle" };
    this.#sink.end(ts);
  }
}
