/**
 * Test support: decodes OTLP protobuf requests (ExportMetricsServiceRequest,
 * ExportTraceServiceRequest) independently of the SDK's serializer, from the protobuf wire
 * format and the field numbers of opentelemetry-proto (metrics/v1, trace/v1, common/v1). Only
 * what the tests look at is decoded; unknown fields are skipped, as protobuf requires.
 */

type Field = { wire: 0; value: bigint } | { wire: 1; bytes: Uint8Array } | { wire: 2; bytes: Uint8Array } |
  { wire: 5; bytes: Uint8Array };

/** The fields of one message, by number, in order. */
function fields(bytes: Uint8Array): Map<number, Field[]> {
  const out = new Map<number, Field[]>();
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= bytes.length) throw new Error("truncated varint");
      const b = bytes[pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (pos < bytes.length) {
    const tag = Number(varint());
    const number = tag >>> 3;
    const wire = tag & 7;
    let field: Field;
    if (wire === 0) field = { wire, value: varint() };
    else if (wire === 1) field = { wire, bytes: bytes.subarray(pos, pos += 8) };
    else if (wire === 5) field = { wire, bytes: bytes.subarray(pos, pos += 4) };
    else if (wire === 2) {
      const length = Number(varint());
      field = { wire, bytes: bytes.subarray(pos, pos += length) };
    } else throw new Error(`unsupported wire type ${wire}`);
    if (pos > bytes.length) throw new Error("truncated field");
    const list = out.get(number) ?? [];
    list.push(field);
    out.set(number, list);
  }
  return out;
}

const text = new TextDecoder();
const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const all = (f: Map<number, Field[]>, n: number) => f.get(n) ?? [];
const one = (f: Map<number, Field[]>, n: number) => all(f, n).at(-1);
const str = (f: Map<number, Field[]>, n: number) => {
  const x = one(f, n);
  return x && x.wire === 2 ? text.decode(x.bytes) : "";
};
const msgs = (f: Map<number, Field[]>, n: number) =>
  all(f, n).filter((x) => x.wire === 2).map((x) => fields((x as { bytes: Uint8Array }).bytes));
const msg = (f: Map<number, Field[]>, n: number) => msgs(f, n).at(-1);
const uvarint = (f: Map<number, Field[]>, n: number) => {
  const x = one(f, n);
  return x && x.wire === 0 ? x.value : 0n;
};
const fixed64 = (f: Map<number, Field[]>, n: number) => {
  const x = one(f, n);
  return x && x.wire === 1 ? view(x.bytes).getBigUint64(0, true) : undefined;
};
const double = (f: Map<number, Field[]>, n: number) => {
  const x = one(f, n);
  return x && x.wire === 1 ? view(x.bytes).getFloat64(0, true) : undefined;
};
const hex = (f: Map<number, Field[]>, n: number) => {
  const x = one(f, n);
  return x && x.wire === 2 ? Array.from(x.bytes, (b) => b.toString(16).padStart(2, "0")).join("") : "";
};

/** Repeated fixed-size numbers, packed (wire type 2) or not. */
function packed(f: Map<number, Field[]>, n: number, size: 8, read: (v: DataView, at: number) => number | bigint) {
  const out: (number | bigint)[] = [];
  for (const x of all(f, n)) {
    const bytes = (x as { bytes: Uint8Array }).bytes;
    for (let at = 0; at + size <= bytes.length; at += size) out.push(read(view(bytes), at));
  }
  return out;
}

export type AnyValue = string | boolean | bigint | number | Uint8Array | AnyValue[] | { [key: string]: AnyValue };

function anyValue(f: Map<number, Field[]>): AnyValue {
  if (f.has(1)) return str(f, 1);
  if (f.has(2)) return uvarint(f, 2) !== 0n;
  if (f.has(3)) return BigInt.asIntN(64, uvarint(f, 3));
  if (f.has(4)) return double(f, 4)!;
  if (f.has(5)) return msgs(msg(f, 5)!, 1).map(anyValue);
  if (f.has(6)) return attributes(msg(f, 6)!, 1);
  const b = one(f, 7);
  return b && b.wire === 2 ? b.bytes : "";
}

/** KeyValue list (field `n`) as a plain object. */
function attributes(f: Map<number, Field[]>, n: number): { [key: string]: AnyValue } {
  const out: { [key: string]: AnyValue } = {};
  for (const kv of msgs(f, n)) out[str(kv, 1)] = anyValue(msg(kv, 2) ?? new Map());
  return out;
}

export interface NumberPoint {
  attributes: { [key: string]: AnyValue };
  startTimeUnixNano: bigint;
  timeUnixNano: bigint;
  value: bigint | number;
}

export interface HistogramPoint {
  attributes: { [key: string]: AnyValue };
  count: bigint;
  sum?: number;
  bucketCounts: bigint[];
  explicitBounds: number[];
}

export interface Metric {
  name: string;
  description: string;
  unit: string;
  type: "gauge" | "sum" | "histogram" | "other";
  monotonic?: boolean;
  /** 1 delta, 2 cumulative. */
  temporality?: number;
  points: NumberPoint[];
  histogramPoints: HistogramPoint[];
}

export interface MetricsRequest {
  resource: { [key: string]: AnyValue };
  scopes: { name: string; version: string; metrics: Metric[] }[];
}

function numberPoint(f: Map<number, Field[]>): NumberPoint {
  const asInt = fixed64(f, 6);
  return {
    attributes: attributes(f, 7),
    startTimeUnixNano: fixed64(f, 2) ?? 0n,
    timeUnixNano: fixed64(f, 3) ?? 0n,
    value: asInt !== undefined ? BigInt.asIntN(64, asInt) : double(f, 4) ?? 0,
  };
}

function histogramPoint(f: Map<number, Field[]>): HistogramPoint {
  return {
    attributes: attributes(f, 9),
    count: fixed64(f, 4) ?? 0n,
    sum: double(f, 5),
    bucketCounts: packed(f, 6, 8, (v, at) => v.getBigUint64(at, true)) as bigint[],
    explicitBounds: packed(f, 7, 8, (v, at) => v.getFloat64(at, true)) as number[],
  };
}

function metric(f: Map<number, Field[]>): Metric {
  const base = { name: str(f, 1), description: str(f, 2), unit: str(f, 3), points: [], histogramPoints: [] };
  const gauge = msg(f, 5);
  const sum = msg(f, 7);
  const histogram = msg(f, 9);
  if (gauge) return { ...base, type: "gauge", points: msgs(gauge, 1).map(numberPoint) };
  if (sum) {
    return { ...base, type: "sum", points: msgs(sum, 1).map(numberPoint),
      temporality: Number(uvarint(sum, 2)), monotonic: uvarint(sum, 3) !== 0n };
  }
  if (histogram) {
    return { ...base, type: "histogram", histogramPoints: msgs(histogram, 1).map(histogramPoint),
      temporality: Number(uvarint(histogram, 2)) };
  }
  return { ...base, type: "other" };
}

/** An ExportMetricsServiceRequest, one entry per ResourceMetrics. */
export function decodeMetricsRequest(bytes: Uint8Array): MetricsRequest[] {
  return msgs(fields(bytes), 1).map((rm) => ({
    resource: attributes(msg(rm, 1) ?? new Map(), 1),
    scopes: msgs(rm, 2).map((sm) => {
      const scope = msg(sm, 1) ?? new Map();
      return { name: str(scope, 1), version: str(scope, 2), metrics: msgs(sm, 2).map(metric) };
    }),
  }));
}

export interface Span {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  /** OTLP numbering: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: { [key: string]: AnyValue };
  /** 0 unset, 1 ok, 2 error. */
  statusCode: number;
}

/** An ExportTraceServiceRequest's spans, with their resource's attributes. */
export function decodeTraceRequest(bytes: Uint8Array): { resource: { [key: string]: AnyValue }; spans: Span[] }[] {
  return msgs(fields(bytes), 1).map((rs) => ({
    resource: attributes(msg(rs, 1) ?? new Map(), 1),
    spans: msgs(rs, 2).flatMap((ss) => msgs(ss, 2)).map((s) => ({
      traceId: hex(s, 1),
      spanId: hex(s, 2),
      parentSpanId: hex(s, 4),
      name: str(s, 5),
      kind: Number(uvarint(s, 6)),
      startTimeUnixNano: fixed64(s, 7) ?? 0n,
      endTimeUnixNano: fixed64(s, 8) ?? 0n,
      attributes: attributes(s, 9),
      statusCode: Number(uvarint(msg(s, 15) ?? new Map(), 3)),
    })),
  }));
}
