/**
 * An SDK id generator that uses the ids a span record asked for (SpanBridge.pendingIds) and
 * random ids otherwise, so a probe that chose its span's ids (to correlate with what it
 * propagated on the wire, as OBI does) sees those ids exported.
 */
import { type IdGenerator, RandomIdGenerator } from "@opentelemetry/sdk-trace";
import type { PendingIds } from "./span_bridge.ts";

export class RecordIdGenerator implements IdGenerator {
  readonly #pending: PendingIds;
  readonly #random = new RandomIdGenerator();

  constructor(pending: PendingIds) {
    this.#pending = pending;
  }

  generateTraceId(): string {
    return this.#pending.traceId ?? this.#random.generateTraceId();
  }

  generateSpanId(): string {
    return this.#pending.spanId ?? this.#random.generateSpanId();
  }
}
