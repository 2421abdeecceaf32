import { describe, expect, test } from "bun:test";
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { hrTimeToNanoseconds } from "@opentelemetry/core";
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { readFileSync } from "node:fs";
import { kernelTest } from "../../../test/support/gates.ts";
import { WallClock } from "../../src/telemetry/monotonic_clock.ts";
import { RecordIdGenerator } from "../../src/telemetry/record_id_generator.ts";
import { type PendingIds, SpanBridge } from "../../src/telemetry/span_bridge.ts";

const OFFSET = 1_700_000_000_123_456_789n;

function setup() {
  const exporter = new InMemorySpanExporter();
  const pending: PendingIds = {};
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })],
    idGenerator: new RecordIdGenerator(pending) });
  const bridge = new SpanBridge(provider.getTracer("test"), new WallClock(OFFSET), pending);
  return { exporter, bridge };
}

const zeros = (n: number) => new Array<number>(n).fill(0);
const filled = (n: number, b: number) => new Array<number>(n).fill(b);

describe("span bridge", () => {
  test("a record becomes a span with the kernel's duration, kind, status and attributes", () => {
    const { exporter, bridge } = setup();
    const start = 5_000_000_123n;
    bridge.record("requests", { name: "GET /", start, end: start + 1_234_567n, kind: 1, status: 2,
      traceId: zeros(16), spanId: zeros(8), parentId: zeros(8), pid: 42, bytes: 9_007_199_254_740_993n,
      peer: { port: 80, addr: [127, 0, 0, 1] } });
    const [span] = exporter.getFinishedSpans();
    expect(span?.name).toBe("GET /");
    expect(span?.kind).toBe(SpanKind.SERVER);
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(BigInt(hrTimeToNanoseconds(span!.duration))).toBe(1_234_567n);
    expect(span?.startTime).toEqual([Number((start + OFFSET) / 1_000_000_000n), Number((start + OFFSET) % 1_000_000_000n)]);
    expect(span?.attributes).toEqual({ pid: 42, bytes: "9007199254740993", "peer.port": 80, "peer.addr": [127, 0, 0, 1] });
    expect(span?.parentSpanContext).toBeUndefined();
    expect(bridge.spans).toBe(1);
  });

  test("traceId and parentId make the span a child of a remote parent; spanId is used as is", () => {
    const { exporter, bridge } = setup();
    bridge.record("s", { name: "child", start: 10n, end: 20n, traceId: filled(16, 0xab), spanId: filled(8, 0x01),
      parentId: filled(8, 0xcd) });
    const [span] = exporter.getFinishedSpans();
    expect(span?.spanContext().traceId).toBe("ab".repeat(16));
    expect(span?.spanContext().spanId).toBe("01".repeat(8));
    expect(span?.parentSpanContext?.spanId).toBe("cd".repeat(8));
    expect(span?.parentSpanContext?.isRemote).toBe(true);
  });

  test("a traceId without a parent starts a root span in that trace", () => {
    const { exporter, bridge } = setup();
    bridge.record("s", { name: "root", start: 10n, end: 20n, traceId: filled(16, 0x11), spanId: zeros(8), parentId: zeros(8) });
    bridge.record("s", { name: "random", start: 10n, end: 20n });
    const [root, random] = exporter.getFinishedSpans();
    expect(root?.spanContext().traceId).toBe("11".repeat(16));
    expect(root?.parentSpanContext).toBeUndefined();
    expect(random?.spanContext().traceId).not.toBe("11".repeat(16));
    expect(random?.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  test("a record without a name is named after its stream, and an end before its start lasts zero", () => {
    const { exporter, bridge } = setup();
    bridge.record("queries", { name: "", start: 100n, end: 50n, kind: 9, status: 7 });
    const [span] = exporter.getFinishedSpans();
    expect(span?.name).toBe("queries");
    expect(hrTimeToNanoseconds(span!.duration)).toBe(0);
    expect(span?.kind).toBe(SpanKind.INTERNAL);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
  });
});

describe("wall clock", () => {
  // /proc/timer_list prints the kernel's CLOCK_MONOTONIC ("now at N nsecs"); root only.
  kernelTest("the measured offset maps the kernel's monotonic clock onto the wall clock", () => {
    const clock = WallClock.measure();
    const before = BigInt(Date.now()) * 1_000_000n;
    const monotonic = BigInt(/now at (\d+) nsecs/.exec(readFileSync("/proc/timer_list", "utf8"))![1]!);
    const after = BigInt(Date.now() + 1) * 1_000_000n;
    const wall = clock.wallNs(monotonic);
    expect(wall >= before && wall <= after).toBe(true);
  });

  test("two measurements agree to well under a millisecond", () => {
    const a = WallClock.measure().offsetNs;
    const b = WallClock.measure().offsetNs;
    expect(a - b < 1_000_000n && b - a < 1_000_000n).toBe(true);
  });
});
