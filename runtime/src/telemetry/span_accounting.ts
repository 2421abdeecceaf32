/**
 * Counts what becomes of the spans given to a span processor, so spans dropped on the way to the
 * exporter are reported like ring-buffer records lost, never silently.
 *
 * The SDK's BatchSpanProcessor drops a span when its queue is full (2,048 spans by default) and
 * says so only through its diagnostic logger, without a total. Wrapping the processor counts the
 * sampled spans it is given, and wrapping its exporter counts the spans handed over (exported or
 * failed); once the processor has been flushed (at shutdown) the queue is empty, so the
 * difference is exactly the spans it dropped. Not a processor of its own: it changes nothing of
 * what is exported.
 */
import { type Context, TraceFlags } from "@opentelemetry/api";
import { type ExportResult, ExportResultCode } from "@opentelemetry/core";
import type { ReadableSpan, Span, SpanExporter, SpanProcessor } from "@opentelemetry/sdk-trace";

export class SpanAccounting {
  /** Sampled spans given to the processor. */
  ended = 0;
  /** Spans the exporter accepted. */
  exported = 0;
  /** Spans in exports that failed (reported by the export error reporter). */
  failed = 0;

  /**
   * Spans given to the processor and never handed to the exporter: the queue plus what it
   * dropped while the run goes on, exactly what it dropped once it has been flushed.
   */
  get notHandedOver(): number {
    return this.ended - this.exported - this.failed;
  }

  /** `exporter`, counting the spans of each export by its outcome. */
  exporter(exporter: SpanExporter): SpanExporter {
    return {
      export: (spans: ReadableSpan[], done: (result: ExportResult) => void) => {
        exporter.export(spans, (result) => {
          if (result.code === ExportResultCode.SUCCESS) this.exported += spans.length;
          else this.failed += spans.length;
          done(result);
        });
      },
      shutdown: () => exporter.shutdown(),
      forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
    };
  }

  /** `processor`, counting the sampled spans it is given (the batch processor skips the rest). */
  processor(processor: SpanProcessor): SpanProcessor {
    return {
      onStart: (span: Span, context: Context) => processor.onStart(span, context),
      onEnd: (span: ReadableSpan) => {
        if ((span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0) this.ended++;
        processor.onEnd(span);
      },
      forceFlush: () => processor.forceFlush(),
      shutdown: () => processor.shutdown(),
    };
  }
}
