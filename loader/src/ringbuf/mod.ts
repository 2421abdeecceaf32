/**
 * Readers for the streams BPF programs write to userspace: BPF ring buffers (`RingBufReader`,
 * Linux 5.8+) and perf event arrays (`PerfBufReader`). Both hand records to a callback as views
 * over the kernel's memory, wait without blocking the event loop in Bun, Deno and Node, pause
 * ~1 ms after a non-empty drain (eager wakeups slow the traced process several times over), and
 * let the process exit once closed. Not a decoder: records are bytes.
 *
 * ```ts
 * import { RingBufReader } from "./mod.ts";
 *
 * const reader = RingBufReader.open(eventsMap);   // before attaching the programs
 * const done = reader.start((record) => handle(record.slice()));
 * // …
 * await reader.close();                            // done resolves; the process may exit
 * ```
 */
export { RingBufReader, type RingBufReaderOptions } from "./ring_buf_reader.ts";
export {
  type RawRecordCallback,
  type RecordCallback,
  RINGBUF_BUSY_BIT,
  RINGBUF_DISCARD_BIT,
  RINGBUF_HEADER_SIZE,
  RingBufConsumer,
  type RingBufStats,
} from "./ring_buf_consumer.ts";
export { PerfBufReader, type PerfBufReaderOptions, type PerfBufStats } from "./perf_buf_reader.ts";
export { type LostCallback, PerfRing, type SampleCallback } from "./perf_ring.ts";
export { ConsumeLoop, type ConsumeLoopOptions, DEFAULT_PAUSE_MS } from "./consume_loop.ts";
