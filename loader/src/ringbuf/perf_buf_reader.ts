/**
 * PerfBufReader: reads a BPF perf event array (BPF_MAP_TYPE_PERF_EVENT_ARRAY), the per-CPU
 * buffers that `bpf_perf_event_output` writes to, from any runtime without blocking the event
 * loop. Use it for kernels older than 5.8 or programs that already use perf buffers; a BPF ring
 * buffer (`RingBufReader`) is cheaper and keeps records in order across CPUs.
 *
 * For each online CPU it opens a software perf event (PERF_COUNT_SW_BPF_OUTPUT with
 * PERF_SAMPLE_RAW), maps 1 + 2^n pages read-write (writable: a read-only mapping would put the
 * kernel in overwrite mode), stores the event's fd in the map at the CPU's index and enables it.
 * `start()` runs the same `ConsumeLoop` as the ring buffer reader.
 *
 * Lost records are counted exactly: when a CPU's buffer is full the kernel counts what it could
 * not write and, once space frees up, writes a PERF_RECORD_LOST with that count before the next
 * sample. A drop therefore shows in `stats.lost` only after that CPU writes again.
 *
 * Records arrive in order per CPU, not across CPUs. Not a decoder: samples are raw bytes.
 */
import { onlineCpus } from "../kernel/cpus.ts";
import {
  PERF_COUNT_SW_BPF_OUTPUT, PERF_SAMPLE_RAW, PERF_TYPE_SOFTWARE, PerfFlag, withPerfEventAttr,
} from "../links/perf_event_attr.ts";
import type { BpfMap } from "../maps/bpf_map.ts";
import {
  PERF_EVENT_IOC_DISABLE, PERF_EVENT_IOC_ENABLE, PROT_READ, PROT_WRITE, SYS,
} from "../sys/numbers.ts";
import { ioctl, mmapShared, munmap, perfEventOpen } from "../sys/os.ts";
import { backend } from "../sys/select_backend.ts";
import { ConsumeLoop, type ConsumeLoopOptions } from "./consume_loop.ts";
import { type LostCallback, PerfRing, type SampleCallback } from "./perf_ring.ts";

const PAGE_SIZE = 4096;
const BPF_MAP_TYPE_PERF_EVENT_ARRAY = 4;
/** A byte watermark's tail is read after at most this long. */
const WATERMARK_WAIT_MS = 100;

/** Options of `PerfBufReader.open`. */
export interface PerfBufReaderOptions extends ConsumeLoopOptions {
  /** Data pages per CPU, a power of two. Default 64 (256 KiB). */
  pagesPerCpu?: number;
  /**
   * Wake the reader after this many bytes are in a CPU's buffer, instead of after every sample
   * (the default, `wakeup_events = 1`). Fewer wakeups cost the traced process less.
   */
  wakeupBytes?: number;
}

/** Totals since the reader was opened. */
export interface PerfBufStats {
  /** Samples handed to callbacks. */
  records: number;
  /** Their raw bytes, kernel padding included. */
  bytes: number;
  /** Records the kernel could not write because a CPU's buffer was full. */
  lost: number;
}

interface CpuBuffer {
  cpu: number;
  fd: number;
  address: number;
  length: number;
  ring?: PerfRing;
}

/**
 * A consumer of one perf event array, one buffer per online CPU.
 *
 * @example
 * using reader = PerfBufReader.open(events);
 * reader.start((sample, cpu) => seen.push(sample.slice()), (lost) => console.warn(lost));
 */
export class PerfBufReader {
  readonly cpus: readonly number[];
  #map: BpfMap;
  #buffers: CpuBuffer[];
  #loop: ConsumeLoop;
  #records = 0;
  #bytes = 0;
  #lost = 0;
  #closed = false;
  #draining = false;
  #released = false;

  private constructor(map: BpfMap, buffers: CpuBuffer[], loop: ConsumeLoop) {
    this.#map = map;
    this.#buffers = buffers;
    this.#loop = loop;
    this.cpus = buffers.map((b) => b.cpu);
  }

  /**
   * Opens a buffer per online CPU and plugs them into `map` (which stays owned by the caller).
   * @throws Error when the map is not a perf event array or too small for the CPUs;
   *   SyscallError when perf_event_open, mmap or epoll fails.
   */
  static open(map: BpfMap, options: PerfBufReaderOptions = {}): PerfBufReader {
    if (map.spec.type !== BPF_MAP_TYPE_PERF_EVENT_ARRAY) {
      throw new Error(`Cannot read map '${map.name}' as a perf buffer: its type is ` +
        `${map.spec.type}, not BPF_MAP_TYPE_PERF_EVENT_ARRAY (4)`);
    }
    const pages = options.pagesPerCpu ?? 64;
    if (!Number.isInteger(pages) || pages < 1 || (pages & (pages - 1)) !== 0) {
      throw new RangeError(`Pages per CPU must be a power of two, got ${pages}`);
    }
    const cpus = onlineCpus();
    const highest = Math.max(...cpus);
    if (highest >= map.spec.maxEntries) {
      throw new Error(`Cannot use map '${map.name}' as a perf buffer: it has ` +
        `${map.spec.maxEntries} entries but CPU ${highest} is online (hint: size it to the ` +
        "number of possible CPUs)");
    }
    const buffers: CpuBuffer[] = [];
    let loop: ConsumeLoop | undefined;
    try {
      for (const cpu of cpus) buffers.push(openCpuBuffer(map, cpu, pages, options.wakeupBytes));
      const waitTimeoutMs = options.waitTimeoutMs ??
        (options.wakeupBytes ? WATERMARK_WAIT_MS : -1);
      loop = new ConsumeLoop(buffers.map((b) => b.fd), { ...options, waitTimeoutMs });
      for (const b of buffers) ioctl(b.fd, PERF_EVENT_IOC_ENABLE, 0, `enable CPU ${b.cpu}`);
      return new PerfBufReader(map, buffers, loop);
    } catch (error) {
      void loop?.close(); // not running: takes the fds out of the wait set at once
      for (const b of buffers) releaseCpuBuffer(map, b);
      throw error;
    }
  }

  /** Samples delivered, their bytes, and records lost to full buffers. */
  get stats(): PerfBufStats {
    return { records: this.#records, bytes: this.#bytes, lost: this.#lost };
  }

  /** Whether a consume loop started by `start()` is running. */
  get running(): boolean {
    return this.#loop.running;
  }

  /**
   * Hands every record written so far to the callbacks, CPU by CPU. Views are valid only during
   * the callback. Returns how many records were consumed.
   * @throws Error after close(); whatever a callback throws.
   */
  drain(onSample: SampleCallback, onLost?: LostCallback): number {
    if (this.#closed) throw new Error("Cannot drain a perf buffer reader: it is closed");
    const sample: SampleCallback = (bytes, cpu) => {
      this.#records++;
      this.#bytes += bytes.length;
      onSample(bytes, cpu);
    };
    const lost: LostCallback = (count, cpu) => {
      this.#lost += count;
      onLost?.(count, cpu);
    };
    this.#draining = true;
    try {
      let consumed = 0;
      for (const b of this.#buffers) consumed += b.ring!.drain(sample, lost);
      return consumed;
    } finally {
      this.#draining = false;
      if (this.#closed && !this.#loop.running) this.#release();
    }
  }

  /**
   * Consumes in the background until `stop()` or `close()`; the promise resolves then, and
   * rejects with what a callback threw.
   */
  start(onSample: SampleCallback, onLost?: LostCallback): Promise<void> {
    if (this.#closed) throw new Error("Cannot start a perf buffer reader: it is closed");
    return this.#loop.run(() => this.drain(onSample, onLost));
  }

  /** Stops the background loop; resolves once it has stopped. The reader can start again. */
  stop(): Promise<void> {
    return this.#loop.stop();
  }

  /**
   * Stops consuming, removes the buffers from the map, and closes the perf events and mappings
   * once the loop has ended (the returned promise resolves then). Safe to call more than once,
   * and from a callback (the drain in progress finishes first).
   */
  close(): Promise<void> {
    if (this.#closed) return this.#loop.close();
    this.#closed = true;
    return this.#loop.close().then(() => {
      if (!this.#draining) this.#release();
    });
  }

  [Symbol.dispose](): void {
    void this.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #release(): void {
    if (this.#released) return;
    this.#released = true;
    for (const b of this.#buffers) releaseCpuBuffer(this.#map, b);
  }
}

function openCpuBuffer(map: BpfMap, cpu: number, pages: number, wakeupBytes?: number): CpuBuffer {
  const what = `perf buffer for CPU ${cpu}`;
  const fd = withPerfEventAttr({
    type: PERF_TYPE_SOFTWARE,
    config: PERF_COUNT_SW_BPF_OUTPUT,
    samplePeriodOrFreq: 1,
    sampleType: PERF_SAMPLE_RAW,
    flags: wakeupBytes ? PerfFlag.watermark : 0n,
    wakeupEvents: wakeupBytes ?? 1,
  }, (attr) => perfEventOpen(attr, -1, cpu, what));
  const buffer: CpuBuffer = { cpu, fd, address: 0, length: (1 + pages) * PAGE_SIZE };
  try {
    buffer.address = mmapShared(fd, buffer.length, PROT_READ | PROT_WRITE, 0, what);
    buffer.ring = new PerfRing(cpu, backend().view(buffer.address, buffer.length), PAGE_SIZE);
    map.update(u32(cpu), u32(fd));
  } catch (error) {
    releaseCpuBuffer(map, buffer);
    throw error;
  }
  return buffer;
}

function releaseCpuBuffer(map: BpfMap, buffer: CpuBuffer): void {
  if (buffer.ring) {
    // Programs would otherwise keep writing into an event nobody reads, until its fd closes.
    try {
      map.delete(u32(buffer.cpu));
    } catch {
      // The map is closed already (its entries went with it) or never held this fd.
    }
  }
  buffer.ring = undefined;
  backend().syscall(SYS.ioctl, buffer.fd, PERF_EVENT_IOC_DISABLE, 0);
  if (buffer.address) munmap(buffer.address, buffer.length);
  buffer.address = 0;
  backend().syscall(SYS.close, buffer.fd);
}

function u32(value: number): Uint8Array {
  return new Uint8Array(new Uint32Array([value]).buffer);
}
