/**
 * PerfRing: the reader half of one CPU's perf event ring buffer (the mmap of a perf event fd),
 * over memory that is already mapped: walks records from our tail to the kernel's `data_head`
 * and publishes `data_tail` after each one.
 *
 * Layout (uapi/linux/perf_event.h): the first page is `struct perf_event_mmap_page`, where
 * `data_head` (u64, at 1024) is the kernel's write position, `data_tail` (u64, at 1032) is ours,
 * and `data_offset`/`data_size` (at 1040/1048, Linux 4.1+) locate the data pages. Unlike a BPF
 * ring buffer the data is mapped once, so a record can wrap around its end; only those records
 * are copied (into a scratch buffer) to hand them out in one piece. Records start with
 * `struct perf_event_header` {u32 type, u16 misc, u16 size} and are 8-byte aligned.
 *
 * Understood records: PERF_RECORD_SAMPLE with PERF_SAMPLE_RAW ({u32 size, raw bytes}) and
 * PERF_RECORD_LOST ({u64 id, u64 lost}). Others are skipped.
 *
 * Not the owner of the mapping or the perf event fd: `PerfBufReader` is.
 */
import { loadU64 } from "./load_u64.ts";

export const PERF_RECORD_LOST = 2;
export const PERF_RECORD_SAMPLE = 9;

const DATA_HEAD = 1024;
const DATA_TAIL = 1032;
const DATA_OFFSET = 1040;
const DATA_SIZE = 1048;
const HEADER_SIZE = 8;
const TWO_32 = 4294967296;

/**
 * Receives the raw bytes of one sample and the CPU whose buffer held it. The view is valid only
 * until the callback returns. The kernel pads raw data so that the u32 size plus the data end on
 * 8 bytes: the view may be up to 7 bytes longer than what the program wrote, as padding.
 */
export type SampleCallback = (sample: Uint8Array, cpu: number) => void;

/** Receives the number of records the kernel could not write to a CPU's full buffer. */
export type LostCallback = (lost: number, cpu: number) => void;

export class PerfRing {
  /** Data area size in bytes. */
  readonly dataSize: number;
  #meta32: Uint32Array;
  #data: Uint8Array;
  #view: DataView;
  #scratch = new Uint8Array(256);
  #tail: number;

  /**
   * @param cpu the CPU this buffer belongs to (passed to callbacks).
   * @param mapping the whole mapping: the metadata page followed by the data pages.
   */
  constructor(readonly cpu: number, mapping: Uint8Array, pageSize = 4096) {
    this.#meta32 = new Uint32Array(mapping.buffer, mapping.byteOffset, pageSize >>> 2);
    const offset = loadU64(this.#meta32, DATA_OFFSET >>> 2) || pageSize;
    const size = loadU64(this.#meta32, DATA_SIZE >>> 2) || mapping.byteLength - pageSize;
    if ((size & (size - 1)) !== 0 || offset + size > mapping.byteLength) {
      throw new RangeError(`The perf buffer of CPU ${cpu} has a data area of ${size} bytes at ` +
        `${offset}, which does not fit its ${mapping.byteLength}-byte mapping as a power of two`);
    }
    this.dataSize = size;
    this.#data = mapping.subarray(offset, offset + size);
    this.#view = new DataView(this.#data.buffer, this.#data.byteOffset, size);
    this.#tail = loadU64(this.#meta32, DATA_TAIL >>> 2);
  }

  /** Bytes written by the kernel and not consumed yet. */
  pendingBytes(): number {
    return loadU64(this.#meta32, DATA_HEAD >>> 2) - this.#tail;
  }

  /**
   * Hands out every record written so far, in order, stopping after `limit` records. Returns how
   * many records (samples, lost notes and others) were consumed.
   * @throws Error when a record header is corrupt; whatever a callback throws (the record it was
   *   given counts as consumed).
   */
  drain(onSample: SampleCallback, onLost: LostCallback, limit = Infinity): number {
    const size = this.dataSize;
    let consumed = 0;
    for (;;) {
      const head = loadU64(this.#meta32, DATA_HEAD >>> 2);
      const before = consumed;
      while (consumed < limit && this.#tail < head) {
        const offset = this.#tail % size;
        // Headers never wrap: records are 8-byte aligned and the area is a power of two.
        const type = this.#view.getUint32(offset, true);
        const length = this.#view.getUint16(offset + 6, true);
        if (length < HEADER_SIZE || this.#tail + length > head) {
          throw new Error(`Corrupt perf buffer record on CPU ${this.cpu}: type ${type}, ` +
            `${length} bytes at position ${this.#tail}`);
        }
        consumed++;
        try {
          if (type === PERF_RECORD_SAMPLE) {
            const [record, at] = this.#contiguous(offset, length);
            const raw = readU32(record, at + HEADER_SIZE);
            const start = at + HEADER_SIZE + 4;
            onSample(record.subarray(start, Math.min(start + raw, at + length)), this.cpu);
          } else if (type === PERF_RECORD_LOST) {
            const [record, at] = this.#contiguous(offset, length);
            const lost = readU32(record, at + 16) + readU32(record, at + 20) * TWO_32;
            onLost(lost, this.cpu);
          }
        } finally {
          this.#advance(length);
        }
      }
      if (consumed === before || consumed >= limit) return consumed;
    }
  }

  /** The record's bytes in one piece: in place, or copied into scratch when it wraps. */
  #contiguous(offset: number, length: number): [Uint8Array, number] {
    const size = this.dataSize;
    if (offset + length <= size) return [this.#data, offset];
    if (this.#scratch.length < length) {
      this.#scratch = new Uint8Array(Math.max(length, 2 * this.#scratch.length));
    }
    const first = size - offset;
    this.#scratch.set(this.#data.subarray(offset, size), 0);
    this.#scratch.set(this.#data.subarray(0, length - first), first);
    return [this.#scratch, 0];
  }

  #advance(length: number): void {
    this.#tail += length;
    // The kernel masks data_tail by the buffer size (CIRC_SPACE), so the low half is what it
    // reads; the high half is kept right for other readers of the page.
    const low = this.#tail % TWO_32;
    const high = Math.floor(this.#tail / TWO_32);
    if (this.#meta32[(DATA_TAIL >>> 2) + 1] !== high) this.#meta32[(DATA_TAIL >>> 2) + 1] = high;
    Atomics.store(this.#meta32, DATA_TAIL >>> 2, low);
  }
}

function readU32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) |
    (bytes[at + 3]! << 24)) >>> 0;
}
