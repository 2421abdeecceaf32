/**
 * RingBufReader: reads a BPF ring buffer map (BPF_MAP_TYPE_RINGBUF, Linux 5.8+) from any
 * runtime without blocking the event loop.
 *
 * It maps the consumer page read-write (one page at offset 0) and the producer page plus the
 * data area read-only (`page + 2 × size` at offset one page: the kernel maps the data twice so
 * records never wrap; mapping those writable is refused with EPERM). Records are handed to a
 * callback as views over that memory, without copying (or, faster, as offsets into one DataView:
 * `drainRaw`/`startRaw`). `start()` runs a `ConsumeLoop`: wait until the map's fd is readable
 * (one epoll_wait shared by every reader of the process), drain, pause ~1 ms after a non-empty
 * drain.
 *
 * Lost records: when the buffer is full the program's `bpf_ringbuf_output` /
 * `bpf_ringbuf_reserve` fails, and nothing of that reaches userspace. The kernel keeps no drop
 * count a reader could see, so the compiler counts those failures in the program (a counter map
 * next to the ring buffer), and the runtime reports them beside this reader's stats.
 *
 * Not a decoder: records are bytes; the runtime decodes them with the artifact's layouts.
 */
import type { BpfMap } from "../maps/bpf_map.ts";
import { PROT_READ, PROT_WRITE } from "../sys/numbers.ts";
import { mmapShared, munmap } from "../sys/os.ts";
import { backend } from "../sys/select_backend.ts";
import { ConsumeLoop, type ConsumeLoopOptions } from "./consume_loop.ts";
import {
  type RawRecordCallback, type RecordCallback, RingBufConsumer, type RingBufStats,
} from "./ring_buf_consumer.ts";

const PAGE_SIZE = 4096;
const BPF_MAP_TYPE_RINGBUF = 27;

/** Options of `RingBufReader.open`. */
export type RingBufReaderOptions = ConsumeLoopOptions;

/**
 * A consumer of one BPF ring buffer map.
 *
 * Start it before attaching the programs that write to it. Close it before closing the map.
 *
 * @example
 * using reader = RingBufReader.open(events);
 * reader.start((record) => seen.push(record.slice()));
 * // … attach, run …
 * await reader.stop();
 */
export class RingBufReader {
  /** Data area size in bytes (the map's max_entries). */
  readonly size: number;
  #consumerAddress: number;
  #producerAddress: number;
  #producerLength: number;
  #consumer: RingBufConsumer | undefined;
  /** Totals kept when the consumer goes with the mapping. */
  #finalStats: RingBufStats = { records: 0, bytes: 0, discarded: 0 };
  #loop: ConsumeLoop;
  #closed = false;
  #draining = false;

  private constructor(mapFd: number, size: number, options: RingBufReaderOptions) {
    this.size = size;
    const what = `ring buffer (map fd ${mapFd})`;
    this.#producerLength = PAGE_SIZE + 2 * size;
    this.#consumerAddress = mmapShared(mapFd, PAGE_SIZE, PROT_READ | PROT_WRITE, 0,
      `${what} consumer page`);
    try {
      this.#producerAddress = mmapShared(mapFd, this.#producerLength, PROT_READ, PAGE_SIZE,
        `${what} producer pages`);
    } catch (error) {
      munmap(this.#consumerAddress, PAGE_SIZE);
      throw error;
    }
    try {
      const sys = backend();
      this.#consumer = new RingBufConsumer(sys.view(this.#consumerAddress, PAGE_SIZE),
        sys.view(this.#producerAddress, this.#producerLength), size, PAGE_SIZE);
      this.#loop = new ConsumeLoop([mapFd], options);
    } catch (error) {
      this.#unmap();
      throw error;
    }
  }

  /**
   * Maps a ring buffer map for reading. The map stays owned by the caller.
   * @throws Error when the map is not a ring buffer; SyscallError when mmap or epoll fails.
   */
  static open(map: BpfMap, options: RingBufReaderOptions = {}): RingBufReader {
    if (map.spec.type !== BPF_MAP_TYPE_RINGBUF) {
      throw new Error(`Cannot read map '${map.name}' as a ring buffer: its type is ` +
        `${map.spec.type}, not BPF_MAP_TYPE_RINGBUF (27)`);
    }
    return new RingBufReader(map.fd, map.spec.maxEntries, options);
  }

  /** Maps a ring buffer given by fd and data size (for maps this loader did not create). */
  static fromFd(mapFd: number, size: number, options: RingBufReaderOptions = {}): RingBufReader {
    return new RingBufReader(mapFd, size, options);
  }

  /** Records delivered, their bytes, and records the program discarded. */
  get stats(): RingBufStats {
    return this.#consumer?.stats ?? { ...this.#finalStats };
  }

  /** Whether a consume loop started by `start()` is running. */
  get running(): boolean {
    return this.#loop.running;
  }

  /**
   * Hands every committed record to `callback` now, in order, and frees their space for the
   * kernel. The record view is valid only during the callback. Returns the number of records
   * consumed (discarded ones included).
   * @throws Error after close(); whatever the callback throws.
   */
  drain(callback: RecordCallback, limit?: number): number {
    return this.#guarded((consumer) => consumer.drain(callback, limit));
  }

  /** `drain()` without a view per record (the fast path): see `RawRecordCallback`. */
  drainRaw(callback: RawRecordCallback, limit?: number): number {
    return this.#guarded((consumer) => consumer.drainRaw(callback, limit));
  }

  /**
   * Consumes in the background until `stop()` or `close()`: the returned promise resolves then,
   * and rejects with what the callback threw (the loop stops at that point).
   */
  start(callback: RecordCallback): Promise<void> {
    if (this.#closed) throw new Error("Cannot start a ring buffer reader: it is closed");
    return this.#loop.run(() => this.drain(callback));
  }

  /** `start()` with the allocation-free callback of `drainRaw()`. */
  startRaw(callback: RawRecordCallback): Promise<void> {
    if (this.#closed) throw new Error("Cannot start a ring buffer reader: it is closed");
    return this.#loop.run(() => this.drainRaw(callback));
  }

  /** Stops the background loop; resolves once it has stopped. The reader can start again. */
  stop(): Promise<void> {
    return this.#loop.stop();
  }

  /**
   * Stops consuming and releases the mappings; the returned promise resolves once the loop has
   * ended and the memory is unmapped, and from then on nothing of the reader keeps the process
   * alive. Safe to call more than once, and from a callback (the records of the drain in
   * progress are still delivered, then the loop ends).
   */
  close(): Promise<void> {
    if (this.#closed) return this.#loop.close();
    this.#closed = true;
    const done = this.#loop.close().then(() => {
      if (!this.#draining) this.#unmap();
    });
    return done;
  }

  [Symbol.dispose](): void {
    void this.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #guarded(body: (consumer: RingBufConsumer) => number): number {
    const consumer = this.#consumer;
    if (!consumer || this.#closed) {
      throw new Error("Cannot drain a ring buffer reader: it is closed");
    }
    this.#draining = true;
    try {
      return body(consumer);
    } finally {
      this.#draining = false;
      if (this.#closed && !this.#loop.running) this.#unmap();
    }
  }

  #unmap(): void {
    if (this.#consumerAddress === 0) return;
    // Drop the views first: touching them after munmap would crash the process.
    if (this.#consumer) this.#finalStats = this.#consumer.stats;
    this.#consumer = undefined;
    munmap(this.#producerAddress, this.#producerLength);
    munmap(this.#consumerAddress, PAGE_SIZE);
    this.#consumerAddress = 0;
  }
}
