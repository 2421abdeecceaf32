import { describe, expect, test } from "bun:test";
import { type ExportResult, ExportResultCode } from "@opentelemetry/core";
import { BatchSpanProcessor, type ReadableSpan, type SpanExporter, TracerProvider } from "@opentelemetry/sdk-trace";
import { SpanAccounting } from "../../src/telemetry/span_accounting.ts";

/** An exporter that answers on a later turn (as a network exporter does), with `code`. */
function laterExporter(code: ExportResultCode) {
  const received: ReadableSpan[] = [];
  const exporter: SpanExporter = {
    export(spans: ReadableSpan[], done: (result: ExportResult) => void) {
      received.push(...spans);
      setTimeout(() => done({ code }), 0);
    },
    shutdown: () => Promise.resolve(),
  };
  return { exporter, received };
}

function pipeline(code: ExportResultCode, maxQueueSize: number) {
  const accounting = new SpanAccounting();
  const { exporter, received } = laterExporter(code);
  const processor = accounting.processor(new BatchSpanProcessor({
    exporter: accounting.exporter(exporter), maxQueueSize, maxExportBatchSize: maxQueueSize }));
  const provider = new TracerProvider({ spanProcessors: [processor] });
  const tracer = provider.getTracer("test");
  const spans = (n: number) => {
    for (let i = 0; i < n; i++) tracer.startSpan(`s${i}`).end();
  };
  return { accounting, received, provider, spans };
}

describe("span accounting", () => {
  test("spans the batch processor drops when its queue is full are counted exactly", async () => {
    const { accounting, received, provider, spans } = pipeline(ExportResultCode.SUCCESS, 4);
    // In one turn: the 4th span starts an export (it answers later), spans 5-8 fill the queue
    // again, and spans 9 and 10 find it full.
    spans(10);
    await provider.shutdown();
    expect(accounting.ended).toBe(10);
    expect(received.length).toBe(8);
    expect(accounting.exported).toBe(8);
    expect(accounting.failed).toBe(0);
    expect(accounting.notHandedOver).toBe(2);
  });

  test("nothing is counted as dropped when the queue keeps up", async () => {
    const { accounting, provider, spans } = pipeline(ExportResultCode.SUCCESS, 16);
    spans(10);
    await provider.shutdown();
    expect(accounting.exported).toBe(10);
    expect(accounting.notHandedOver).toBe(0);
  });

  test("spans of failed exports are counted apart from dropped ones", async () => {
    const { accounting, provider, spans } = pipeline(ExportResultCode.FAILED, 4);
    spans(6);
    await provider.shutdown().catch(() => undefined);
    expect(accounting.ended).toBe(6);
    expect(accounting.exported).toBe(0);
    expect(accounting.failed).toBe(6);
    expect(accounting.notHandedOver).toBe(0);
  });
});
