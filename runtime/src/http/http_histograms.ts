/**
 * Where an exchange's three measurements go (`http.{server,client}.request.duration`,
 * `.request.body.size`, `.response.body.size`, with OBI's datapoint attributes and bucket
 * boundaries): `SdkHistograms` records them on a Meter's instruments (whatever SDK an embedding
 * program registered aggregates them); local_histograms.ts aggregates them itself, for the CLI.
 */
import { type Attributes, type Histogram, type Meter } from "@opentelemetry/api";

/** OBI's duration buckets (s): the semantic conventions' advice with a leading 0. */
export const DURATION_BUCKETS = [0, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
/** OBI's body size buckets (By). */
export const SIZE_BUCKETS = [0, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192];

/** An exchange's datapoint attributes (OBI's defaults, §1.4 of OBI_SPEC.md). */
export interface MetricFields {
  serviceName: string;
  serviceNamespace: string;
  method: string;
  status: number;
  /** Already replaced by `unresolved` / `outgoing` when it is a bare IP. */
  serverAddress?: string;
  serverPort?: number;
  route?: string;
}

/** The three histograms of one attribute set: what a caller keeps to skip the lookup by fields. */
export interface HistogramSeries {
  record(seconds: number, requestBytes: number, responseBytes: number): void;
}

export interface HttpHistograms {
  record(side: "server" | "client", fields: MetricFields, seconds: number, requestBytes: number,
    responseBytes: number): void;
  /** The series `fields` record into (the same for the same fields). */
  series(side: "server" | "client", fields: MetricFields): HistogramSeries;
}

export function metricAttributes(f: MetricFields): Attributes {
  const attributes: Attributes = {
    "service.name": f.serviceName,
    "service.namespace": f.serviceNamespace,
    "http.request.method": f.method,
    "http.response.status_code": f.status,
    "url.scheme": "http",
    "server.address": f.serverAddress,
    "server.port": f.serverPort,
  };
  if (f.route) attributes["http.route"] = f.route;
  return attributes;
}

export interface Description {
  name: string;
  unit: string;
  description: string;
  buckets: number[];
}

export function descriptions(side: "server" | "client"): [Description, Description, Description] {
  return [
    { name: `http.${side}.request.duration`, unit: "s", description: `Duration of HTTP ${side} requests.`, buckets: DURATION_BUCKETS },
    { name: `http.${side}.request.body.size`, unit: "By", description: `Size of HTTP ${side} request bodies.`, buckets: SIZE_BUCKETS },
    { name: `http.${side}.response.body.size`, unit: "By", description: `Size of HTTP ${side} response bodies.`, buckets: SIZE_BUCKETS },
  ];
}

/** Through a Meter's histogram instruments. */
export class SdkHistograms implements HttpHistograms {
  readonly #sides: Record<"server" | "client", Histogram[]>;

  constructor(meter: Meter) {
    const make = (side: "server" | "client") => descriptions(side).map((d) => meter.createHistogram(d.name,
      { unit: d.unit, description: d.description, advice: { explicitBucketBoundaries: d.buckets } }));
    this.#sides = { server: make("server"), client: make("client") };
  }

  record(side: "server" | "client", fields: MetricFields, seconds: number, requestBytes: number,
    responseBytes: number): void {
    this.series(side, fields).record(seconds, requestBytes, responseBytes);
  }

  series(side: "server" | "client", fields: MetricFields): HistogramSeries {
    const attributes = metricAttributes(fields);
    const [duration, request, response] = this.#sides[side];
    return {
      record: (seconds, requestBytes, responseBytes) => {
        duration!.record(seconds, attributes);
        request!.record(requestBytes, attributes);
        response!.record(responseBytes, attributes);
      },
    };
  }
}
