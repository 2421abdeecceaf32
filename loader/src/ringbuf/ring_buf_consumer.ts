/**
 * RingBufConsumer: the consumer half of the BPF ring buffer protocol (BPF_MAP_TYPE_RINGBUF,
 * Linux 5.8+) over memory that is already mapped: walks records from the consumer position to
 * the producer position and publishes the new consumer position as it goes.
 *
 * Layout (kernel/bpf/ringbuf.c): the consumer page holds `consumer_pos` (u64, ours to write);
 * the producer page holds `producer_pos` (u64); the data area follows the producer page and is
 * mapped twice in a row, so a record that crosses the end of the area is contiguous in memory.
 * Each record starts with an 8-byte header: u32 `len` whose bit 31 (BUSY) says the producer has
 * not committed it yet and bit 30 (DISCARD) says the program discarded it, then u32 `pg_off`
 * (the kernel's own). Records start 8-byte aligned.
 *
 * Not the owner of the mapping, the epoll wait or the map: `RingBufReader` is. Kept apart so the
 * protocol can be tested on plain memory.
 */
import { loadU64 } from "./load_u64.ts";

/** Header bit: the record is reserved but not committed yet (stop reading there). */
export const RINGBUF_BUSY_BIT = 0x80000000;
/** Header bit: the program discarded the record (skip it, count it). */
export const RINGBUF_DISCARD_BIT = 0x40000000;
/** Size of a record header. */
export const RINGBUF_HEADER_SIZE = 8;

const LENGTH_MASK = 0x3fffffff;
/** The consumer position is published after at most this many bytes (and after each drain). */
const PUBLISH_EVERY_MAX = 64 * 1024;
const TWO_32 = 4294967296;

/**
 * Receives one record. `record` is a view into the kernel's memory (no copy): it is valid only
 * until the callback returns, after which the kernel may overwrite it; copy what you keep
 * (`record.slice()`). Making the view is most of a drain's cost: where throughput matters, use
 * a `RawRecordCallback`.
 */
export type RecordCallback = (record: Uint8Array) => void;

/**
 * Receives one record without any allocation: `data` is a DataView over the whole data area
 * (the same object for every record) and the record is `length` bytes at `offset` in it. Valid
 * only until the callback returns. The fast path: making a `Uint8Array` view per record costs
 * more than everything else a drain does (in Bun a drain ran 10–12 M records/s with views and
 * 70–80 M without).
 */
export type RawRecordCallback = (data: DataView, offset: number, length: number) => void;

/** Totals since the consumer was made. */
export interface RingBufStats {
  /** Records handed to callbacks. */
  records: number;
  /** Their payload bytes (headers and padding not counted). */
  bytes: number;
  /** Records the program reserved and then discarded (DISCARD bit); never handed out. */
  discarded: number;
}

export class RingBufConsumer {
  /** Size of the data area in bytes (the map's max_entries). */
  readonly size: number;
  #mask: number;
  #consumer32: Uint32Array;
  #consumer64: BigUint64Array;
  #producer32: Uint32Array;
  #data: Uint8Array;
  #view: DataView;
  #data32: Uint32Array;
  #low: number;
  #high: number;
  #publishedHigh: number;
  #unpublished = 0;
  #publishEvery: number;
  #records = 0;
  #bytes = 0;
  #discarded = 0;

  /**
   * @param consumerPage the consumer page (read-write, at least 8 bytes used).
   * @param producerAndData the producer page (`pageSize` bytes) followed by the data area
   *   mapped twice (`2 × size` bytes).
   * @param size the data area's size, a power of two.
   */
  constructor(consumerPage: Uint8Array, producerAndData: Uint8Array, size: number,
    pageSize = 4096) {
    if (size <= 0 || (size & (size - 1)) !== 0) {
      throw new RangeError(`A ring buffer's size must be a power of two, got ${size}`);
    }
    if (producerAndData.byteLength < pageSize + 2 * size) {
      throw new RangeError(`The ring buffer mapping holds ${producerAndData.byteLength} bytes; ` +
        `it needs the producer page and the data area twice (${pageSize + 2 * size})`);
    }
    this.size = size;
    this.#mask = size - 1;
    this.#consumer32 = new Uint32Array(consumerPage.buffer, consumerPage.byteOffset, 2);
    this.#consumer64 = new BigUint64Array(consumerPage.buffer, consumerPage.byteOffset, 1);
    this.#producer32 = new Uint32Array(producerAndData.buffer, producerAndData.byteOffset, 2);
    this.#data = producerAndData.subarray(pageSize, pageSize + 2 * size);
    this.#view = new DataView(this.#data.buffer, this.#data.byteOffset, 2 * size);
    this.#data32 = new Uint32Array(this.#data.buffer, this.#data.byteOffset, (2 * size) >>> 2);
    // Start where a previous consumer of the same map stopped.
    this.#low = this.#consumer32[0]!;
    this.#high = this.#consumer32[1]!;
    this.#publishedHigh = this.#high;
    this.#publishEvery = Math.min(Math.max(size / 8, 4096), PUBLISH_EVERY_MAX);
  }

  /** Totals since this consumer was made. */
  get stats(): RingBufStats {
    return { records: this.#records, bytes: this.#bytes, discarded: this.#discarded };
  }

  /** Bytes written by the producer and not consumed yet (committed or not, headers included). */
  pendingBytes(): number {
    return loadU64(this.#producer32, 0) - (this.#high * TWO_32 + this.#low);
  }

  /**
   * Hands every committed record to `callback` as a view, in order, stopping at the first record
   * still being written or after `limit` records. Returns how many records were consumed,
   * discarded ones included (0: nothing was there). When the callback throws, the record it was
   * given counts as consumed and the error propagates.
   */
  drain(callback: RecordCallback, limit = Infinity): number {
    // The same walk as drainRaw, written out again: sharing one loop made its callback call
    // site see both kinds of callback, and Bun's JIT then ran the raw path 5x slower.
    const data = this.#data;
    const data32 = this.#data32;
    const mask = this.#mask;
    let consumed = 0;
    try {
      for (;;) {
        const producer = loadU64(this.#producer32, 0);
        const before = consumed;
        while (consumed < limit && this.#high * TWO_32 + this.#low < producer) {
          const offset = this.#low & mask;
          const header = data32[offset >>> 2]!;
          if (header & RINGBUF_BUSY_BIT) return consumed;
          const length = header & LENGTH_MASK;
          consumed++;
          this.#advance((length + RINGBUF_HEADER_SIZE + 7) & ~7);
          if (header & RINGBUF_DISCARD_BIT) {
            this.#discarded++;
            continue;
          }
          this.#records++;
          this.#bytes += length;
          const start = offset + RINGBUF_HEADER_SIZE;
          callback(data.subarray(start, start + length));
          if (this.#unpublished >= this.#publishEvery) this.#publish();
        }
        if (consumed === before || consumed >= limit) return consumed;
      }
    } finally {
      this.#publish();
    }
  }

  /** `drain()` without the per-record view: see `RawRecordCallback`. */
  drainRaw(callback: RawRecordCallback, limit = Infinity): number {
    const view = this.#view;
    const data32 = this.#data32;
    const mask = this.#mask;
    let consumed = 0;
    try {
      for (;;) {
        // Records committed while we read are picked up by the next pass.
        const producer = loadU64(this.#producer32, 0);
        const before = consumed;
        while (consumed < limit && this.#high * TWO_32 + this.#low < producer) {
          const offset = this.#low & mask;
          const header = data32[offset >>> 2]!;
          if (header & RINGBUF_BUSY_BIT) return consumed;
          const length = header & LENGTH_MASK;
          consumed++;
          // Moved locally now, published later: the data stays valid until we publish.
          this.#advance((length + RINGBUF_HEADER_SIZE + 7) & ~7);
          if (header & RINGBUF_DISCARD_BIT) {
            this.#discarded++;
            continue;
          }
          this.#records++;
          this.#bytes += length;
          callback(view, offset + RINGBUF_HEADER_SIZE, length);
          if (this.#unpublished >= this.#publishEvery) this.#publish();
        }
        if (consumed === before || consumed >= limit) return consumed;
      }
    } finally {
      this.#publish();
    }
  }

  #advance(bytes: number): void {
    this.#unpublished += bytes;
    const low = this.#low + bytes;
    if (low < TWO_32) {
      this.#low = low;
    } else {
      this.#low = low - TWO_32;
      this.#high++;
    }
  }

  /**
   * Tells the kernel how far we have read. Not after every record: the producer reads this
   * cache line on every reservation, so each store makes the line move between the two cores.
   * Publishing every `#publishEvery` bytes (and at the end of a drain) took 15–20 % off the
   * drain time of a 2.5 M records/s stream on this project's VM, and still frees space for the
   * producer long before a full ring would make it fail.
   */
  #publish(): void {
    if (this.#unpublished === 0) return;
    this.#unpublished = 0;
    if (this.#high === this.#publishedHigh) {
      // One 32-bit store keeps the 64-bit value consistent for the kernel (the high half did
      // not change). Atomics.store is safe here: this page is mapped writable.
      Atomics.store(this.#consumer32, 0, this.#low);
      return;
    }
    // The high half changes: two 32-bit stores would let the kernel see a torn position.
    this.#publishedHigh = this.#high;
    Atomics.store(this.#consumer64, 0, BigInt(this.#high) * 4294967296n + BigInt(this.#low));
  }
}
