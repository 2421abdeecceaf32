/**
 * Test support: a local OTLP/HTTP receiver on 127.0.0.1 (node:http) that keeps every request
 * body by path and decodes /v1/metrics and /v1/traces with otlp_decode.ts.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { decodeMetricsRequest, decodeTraceRequest, type MetricsRequest, type Span } from "./otlp_decode.ts";

export class OtlpReceiver {
  readonly #server: Server;
  readonly bodies: { path: string; contentType: string; body: Uint8Array }[] = [];

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<OtlpReceiver> {
    let receiver: OtlpReceiver | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        let body: Uint8Array = Buffer.concat(chunks);
        if (req.headers["content-encoding"] === "gzip") body = gunzipSync(body);
        receiver!.bodies.push({ path: req.url ?? "", contentType: String(req.headers["content-type"]), body });
        // An empty ExportServiceResponse: no partial success to report.
        res.writeHead(200, { "content-type": "application/x-protobuf" });
        res.end();
      });
    });
    receiver = new OtlpReceiver(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return receiver;
  }

  /** Base URL for --otlp. */
  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Every metrics request received, decoded, oldest first. */
  metricRequests(): MetricsRequest[][] {
    return this.bodies.filter((b) => b.path === "/v1/metrics").map((b) => decodeMetricsRequest(b.body));
  }

  /** Every span received. */
  spans(): Span[] {
    return this.bodies.filter((b) => b.path === "/v1/traces")
      .flatMap((b) => decodeTraceRequest(b.body).flatMap((r) => r.spans));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
