/**
 * A real probe exported through OTLP/HTTP protobuf to a receiver started here, decoded
 * independently of the SDK (otlp_decode.ts): the counter's series for this process counts the
 * calls made, the histograms' buckets hold exactly the recorded arguments with boundaries that
 * match the kernel buckets, and each span lasts what the probe recorded and carries its fields.
 */
import { afterAll, beforeAll, describe, expect } from "bun:test";
import { readFileSync } from "node:fs";
import { backend, getpid, SYS } from "@ts-bpf/loader";
import { kernelTest } from "../../../test/support/gates.ts";
import { Session } from "../../src/session.ts";
import { exportConfig } from "../../src/telemetry/export_config.ts";
import { startPipeline } from "../../src/telemetry/sdk_pipeline.ts";
import type { Metric, MetricsRequest, Span } from "./otlp_decode.ts";
import { OtlpReceiver } from "./otlp_receiver.ts";
import { kernelCounts, linearBucket, log2Bucket, otelCounts } from "./support.ts";

const FIXTURE = new URL("./fixtures/getpgid_probe.ts", import.meta.url).pathname;
/** getpgid() arguments; 7 is the call whose span carries ids (see the fixture). */
const ARGS = [0n, 1n, 2n, 3n, 5n, 7n, 8n, 12n, 31n, 99n, 100n, 1000n, 65_535n];

interface Run {
  requests: MetricsRequest[][];
  contentTypes: string[];
  spans: Span[];
  errors: string[];
  wallBefore: bigint;
  wallAfter: bigint;
  comm: string;
}

let run: Run | undefined;

/** The probe runs once for the whole file; each test checks one aspect of what was received. */
async function runProbe(): Promise<Run> {
  const receiver = await OtlpReceiver.start();
  const errors: string[] = [];
  try {
    const telemetry = await startPipeline(exportConfig({ otlp: receiver.url }, {})!,
      { probe: "getpgid_probe.ts", err: (l) => errors.push(l) });
    const session = await Session.fromSource(FIXTURE, { stats: true });
    telemetry.bind(session);
    const wallBefore = BigInt(Date.now()) * 1_000_000n;
    for (const arg of ARGS) backend().syscall(SYS.getpgid, arg);
    const wallAfter = BigInt(Date.now() + 1) * 1_000_000n;
    session.detach();
    telemetry.finish();
    await session.close();
    await telemetry.shutdown();
    const comm = readFileSync(`/proc/self/task/${process.pid}/comm`, "utf8").trim();
    return { requests: receiver.metricRequests(), contentTypes: receiver.bodies.map((b) => b.contentType),
      spans: receiver.spans(), errors, wallBefore, wallAfter, comm };
  } finally {
    await receiver.close();
  }
}

function lastMetric(name: string): Metric | undefined {
  for (const request of [...run!.requests].reverse()) {
    for (const rm of request) {
      for (const scope of rm.scopes) {
        const metric = scope.metrics.find((m) => m.name === name);
        if (metric) return metric;
      }
    }
  }
  return undefined;
}

const mine = (attributes: { [key: string]: unknown }) => attributes.key === BigInt(getpid());

describe("OTLP export of a running probe", () => {
  beforeAll(async () => {
    if (process.getuid?.() === 0) run = await runProbe();
  }, 30_000);
  afterAll(() => {
    run = undefined;
  });

  kernelTest("the named counter arrives with one series per pid, this one counting every call", () => {
    expect(run!.errors).toEqual([]);
    expect(new Set(run!.contentTypes)).toEqual(new Set(["application/x-protobuf"]));
    const calls = lastMetric("test.getpgid.calls");
    expect(calls?.type).toBe("sum");
    expect(calls?.monotonic).toBe(true);
    expect(calls?.temporality).toBe(2);
    expect(calls?.unit).toBe("{call}");
    expect(calls?.description).toBe("getpgid calls");
    const point = calls?.points.find((p) => mine(p.attributes));
    expect(point?.value).toBe(BigInt(ARGS.length));
    expect(point!.startTimeUnixNano).toBeLessThanOrEqual(point!.timeUnixNano);
    expect(lastMetric("unnamed")).toBeUndefined();
  });

  kernelTest("the log2 histogram's buckets hold exactly the recorded values, on kernel boundaries", () => {
    const histogram = lastMetric("test.getpgid.arg");
    expect(histogram?.type).toBe("histogram");
    const point = histogram?.histogramPoints.find((p) => mine(p.attributes));
    expect(point?.count).toBe(BigInt(ARGS.length));
    const bounds = point!.explicitBounds;
    bounds.forEach((b, i) => expect(b).toBe(2 ** i - 1));
    // Every kernel bucket a value went to is inside the exported boundaries.
    expect(bounds.length).toBe(Math.max(...ARGS.map(log2Bucket)) + 1);
    expect(point!.bucketCounts.map(Number)).toEqual(otelCounts(ARGS, bounds));
    expect(point!.bucketCounts.reduce((a, b) => a + b, 0n)).toBe(BigInt(ARGS.length));
    expect(point!.sum).toBeUndefined();
  });

  kernelTest("the linear histogram exports every kernel bucket, from below min to at or above max", () => {
    const point = lastMetric("test.getpgid.arg_linear")?.histogramPoints.find((p) => mine(p.attributes));
    expect(point?.explicitBounds).toEqual([9, 29, 49, 69, 89, 99]);
    const kernel = kernelCounts(ARGS, 7, (v) => linearBucket(v, 10, 100, 20));
    expect(point!.bucketCounts).toEqual(kernel);
    expect(point!.bucketCounts.map(Number)).toEqual(otelCounts(ARGS, point!.explicitBounds));
  });

  kernelTest("stats arrive as count, sum, min and max", () => {
    const value = (name: string) => lastMetric(name)?.points.find((p) => mine(p.attributes))?.value;
    expect(value("test.getpgid.arg_stats.count")).toBe(BigInt(ARGS.length));
    expect(value("test.getpgid.arg_stats.sum")).toBe(ARGS.reduce((a, b) => a + b, 0n));
    expect(value("test.getpgid.arg_stats.max")).toBe(65_535n);
    expect(lastMetric("test.getpgid.arg_stats.min")?.type).toBe("gauge");
  });

  kernelTest("each span lasts what the probe recorded and carries the record's fields", () => {
    const spans = run!.spans.filter((s) => s.attributes.pid === BigInt(getpid()));
    expect(spans.map((s) => s.attributes.arg).sort((a, b) => Number(a) - Number(b))).toEqual(ARGS);
    for (const span of spans) {
      const arg = span.attributes.arg as bigint;
      expect(span.endTimeUnixNano - span.startTimeUnixNano).toBe(arg * 1000n);
      expect(span.startTimeUnixNano).toBeGreaterThanOrEqual(run!.wallBefore);
      expect(span.startTimeUnixNano).toBeLessThanOrEqual(run!.wallAfter);
      expect(span.name).toBe(run!.comm);
      expect(span.kind).toBe(2); // OTLP SPAN_KIND_SERVER
      expect(span.statusCode).toBe(2); // STATUS_CODE_ERROR
      expect(Object.keys(span.attributes).sort()).toEqual(["arg", "pid"]);
    }
  });

  kernelTest("a span record's trace, span and parent ids are honoured; without them ids are random", () => {
    const spans = run!.spans.filter((s) => s.attributes.pid === BigInt(getpid()));
    const withIds = spans.find((s) => s.attributes.arg === 7n);
    expect(withIds?.traceId).toBe("ab".repeat(16));
    expect(withIds?.spanId).toBe("ab".repeat(8));
    expect(withIds?.parentSpanId).toBe("aa".repeat(8));
    const others = spans.filter((s) => s.attributes.arg !== 7n);
    expect(new Set(others.map((s) => s.traceId)).size).toBe(others.length);
    for (const s of others) {
      expect(s.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(s.parentSpanId).toBe("");
    }
  });

  kernelTest("the runtime's own metrics arrive: program runs and lost records", () => {
    const runs = lastMetric("tsbpf.program.run_count")?.points.find((p) => p.attributes.program === "sys_enter_getpgid");
    expect(Number(runs?.value)).toBeGreaterThanOrEqual(ARGS.length);
    const time = lastMetric("tsbpf.program.run_time");
    expect(time?.unit).toBe("ns");
    expect(Number(time?.points[0]?.value)).toBeGreaterThan(0);
    const lost = lastMetric("tsbpf.ringbuf.lost")?.points.find((p) => p.attributes.map === "spans");
    expect(lost?.value).toBe(0n);
  });

  kernelTest("the resource names the service and the probe", () => {
    const resource = run!.requests.at(-1)![0]!.resource;
    expect(resource["service.name"]).toBe(process.env.OTEL_SERVICE_NAME ?? "tsbpf");
    expect(resource["tsbpf.probe"]).toBe("getpgid_probe.ts");
  });
});
