/**
 * biolatency: block device I/O latency, from the request's issue to the device until its
 * completion, as a log2 histogram in microseconds per disk. A port of bcc's biolatency to the
 * `block:block_rq_issue` and `block:block_rq_complete` tracepoints; a request is known by its
 * device and first sector (a struct key). The histogram is the OpenTelemetry histogram
 * `disk.io.latency` (unit us) with the device number as its key.
 *
 * Run: tsbpf run examples/biolatency.ts   (Ctrl-C prints the histograms)
 *
 * Prints:
 *
 *   Tracing block device I/O... Hit Ctrl-C to end.
 *
 *   @latency[<dev>]:
 *   [64, 128)                <n> |@@@@@@@@@@                                          |
 *   [128, 256)               <n> |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
 *   [256, 512)               <n> |@@@@@@@@@@@@@@@@@@@@@                               |
 *   …
 */
import { HashMap, Histogram, ktimeNs, tracepoint, type u32, type u64 } from "@ts-bpf/probes";

/** A request in flight: its disk (major << 20 | minor) and first sector. */
interface Request {
  dev: u32;
  sector: u64;
}

const issuedAt = new HashMap<Request, u64>({ entries: 10240 });
const latency = new Histogram<u32>({ name: "disk.io.latency", unit: "us",
  description: "Block I/O latency from issue to completion, by device" });

tracepoint("block:block_rq_issue", (ctx) => {
  issuedAt.set({ dev: ctx.dev, sector: ctx.sector }, ktimeNs());
});

tracepoint("block:block_rq_complete", (ctx) => {
  const request: Request = { dev: ctx.dev, sector: ctx.sector };
  const issued = issuedAt.get(request);
  if (issued === undefined) return; // issued before the probe started
  latency.record((ktimeNs() - issued) / 1000n, ctx.dev);
  issuedAt.delete(request);
});

// Userspace.
console.log("Tracing block device I/O... Hit Ctrl-C to end.");
