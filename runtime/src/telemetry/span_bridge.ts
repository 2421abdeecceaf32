/**
 * Span streams as OpenTelemetry spans, through the API's tracer only.
 *
 * A `SpanStream` record (see @ts-bpf/probes) becomes one ended span: `name` its name (the
 * stream's variable when empty), `start`/`end` kernel monotonic times converted to wall clock by
 * one per-session offset (monotonic_clock.ts), `kind` and `status` the API's numbering, every
 * other field an attribute (attributes.ts). Ids, when non-zero, are honoured as OBI does:
 * `traceId` + `parentId` make a remote parent context, so the span joins that trace as its
 * child. The span's own `spanId`, and a `traceId` without a parent, can only be chosen by the
 * SDK's id generator: the bridge offers them in `pendingIds` just before it starts the span,
 * and the CLI's generator (record_id_generator.ts) takes them. With another SDK they are new
 * random ids.
 */
import {
  ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace, TraceFlags,
  type Tracer,
} from "@opentelemetry/api";
import type { ArtifactMap } from "@ts-bpf/loader";
import type { DecodedValue } from "../decode/value_codec.ts";
import type { Session } from "../session.ts";
import { addFields } from "./attributes.ts";
import { WallClock } from "./monotonic_clock.ts";

/** Ids a record asks for, offered to an SDK id generator for the next span started. */
export interface PendingIds {
  traceId?: string;
  spanId?: string;
}

/** Record fields with a meaning of their own; the rest become attributes. */
const SPAN_FIELDS = new Set(["name", "start", "end", "kind", "status", "traceId", "spanId", "parentId"]);
const KINDS = [SpanKind.INTERNAL, SpanKind.SERVER, SpanKind.CLIENT, SpanKind.PRODUCER, SpanKind.CONSUMER];
const STATUS = [SpanStatusCode.UNSET, SpanStatusCode.OK, SpanStatusCode.ERROR];

export class SpanBridge {
  readonly #tracer: Tracer;
  readonly #clock: WallClock;
  /** Ids for the span being started; an SDK id generator may take them. */
  readonly pendingIds: PendingIds;
  #spans = 0;

  /**
   * @param tracer where spans go (an API tracer).
   * @param clock converts kernel times; measured now by default.
   * @param pendingIds the slot to offer record ids in (shared with an SDK id generator).
   */
  constructor(tracer: Tracer, clock: WallClock = WallClock.measure(), pendingIds: PendingIds = {}) {
    this.#tracer = tracer;
    this.#clock = clock;
    this.pendingIds = pendingIds;
  }

  /** Spans made so far. */
  get spans(): number {
    return this.#spans;
  }

  /** The span-stream maps of an artifact. */
  static streams(maps: readonly ArtifactMap[]): ArtifactMap[] {
    return maps.filter((m) => m.kind === "SpanStream" && !m.hidden && m.record);
  }

  /**
   * Subscribes to every span stream of `session`. Call it right after the session started (in
   * the same turn of the event loop) and no record is missed.
   */
  attach(session: Session): void {
    for (const m of SpanBridge.streams(session.artifact.maps)) {
      session.on(m.variable, (record) => this.record(m.variable, record));
    }
  }

  /** Makes the span for one decoded record of stream `stream`. */
  record(stream: string, record: DecodedValue): Span | undefined {
    if (record === null || typeof record !== "object" || Array.isArray(record)) return undefined;
    const start = asBigint(record.start);
    const endRaw = asBigint(record.end);
    // A record whose end precedes its start (an unfinished or clobbered record) is kept as a
    // zero-length span rather than dropped, so the count of spans stays the count of records.
    const end = endRaw < start ? start : endRaw;
    const name = typeof record.name === "string" && record.name !== "" ? record.name : stream;
    const traceId = hexId(record.traceId, 16);
    const spanId = hexId(record.spanId, 8);
    const parentId = hexId(record.parentId, 8);
    const parent = traceId && parentId
      ? trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId: parentId, traceFlags: TraceFlags.SAMPLED,
        isRemote: true })
      : ROOT_CONTEXT;
    this.pendingIds.traceId = traceId && !parentId ? traceId : undefined;
    this.pendingIds.spanId = spanId;
    let span: Span;
    try {
      span = this.#tracer.startSpan(name, {
        kind: KINDS[Number(record.kind ?? 0)] ?? SpanKind.INTERNAL,
        startTime: this.#clock.hrTime(start),
        attributes: addFields({}, record, "", SPAN_FIELDS),
      }, parent);
    } finally {
      this.pendingIds.traceId = undefined;
      this.pendingIds.spanId = undefined;
    }
    const status = STATUS[Number(record.status ?? 0)] ?? SpanStatusCode.UNSET;
    if (status !== SpanStatusCode.UNSET) span.setStatus({ code: status });
    span.end(this.#clock.hrTime(end));
    this.#spans++;
    return span;
  }
}

function asBigint(value: DecodedValue): bigint {
  return typeof value === "bigint" ? value : typeof value === "number" ? BigInt(value) : 0n;
}

/** Lower-case hex of a byte array field, or undefined when absent, the wrong size, or all zero. */
function hexId(value: DecodedValue, bytes: number): string | undefined {
  if (!Array.isArray(value) || value.length !== bytes) return undefined;
  let hex = "";
  let nonZero = false;
  for (const b of value) {
    const n = Number(b) & 0xff;
    if (n) nonZero = true;
    hex += n.toString(16).padStart(2, "0");
  }
  return nonZero ? hex : undefined;
}
