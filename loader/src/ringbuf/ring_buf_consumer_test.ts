import { describe, expect, test } from "bun:test";
import {
  RINGBUF_BUSY_BIT, RINGBUF_DISCARD_BIT, RingBufConsumer,
} from "./ring_buf_consumer.ts";

const PAGE = 4096;
const TWO_32 = 2 ** 32;

/** A ring buffer in plain memory that behaves like the kernel's mapping (data mapped twice). */
class FakeRing {
  readonly consumerPage = new Uint8Array(PAGE);
  readonly producerAndData: Uint8Array;
  readonly consumerView: DataView;
  readonly producerView: DataView;
  position: number;

  constructor(readonly size: number, start = 0) {
    this.producerAndData = new Uint8Array(PAGE + 2 * size);
    this.consumerView = new DataView(this.consumerPage.buffer);
    this.producerView = new DataView(this.producerAndData.buffer);
    this.position = start;
    this.consumerView.setBigUint64(0, BigInt(start), true);
    this.publish();
  }

  /** Writes a record at the producer position (both copies of the data), returns its header. */
  write(payload: number[], flags = 0): number {
    const length = payload.length;
    const bytes = [...u32(length | flags), ...u32(0), ...payload];
    for (let i = 0; i < bytes.length; i++) {
      const at = (this.position + i) % this.size;
      this.producerAndData[PAGE + at] = bytes[i]!;
      this.producerAndData[PAGE + this.size + at] = bytes[i]!;
    }
    this.position += (length + 8 + 7) & ~7;
    this.publish();
    return this.position;
  }

  publish(): void {
    this.producerView.setBigUint64(0, BigInt(this.position), true);
  }

  consumerPosition(): number {
    return Number(this.consumerView.getBigUint64(0, true));
  }

  consumer(): RingBufConsumer {
    return new RingBufConsumer(this.consumerPage, this.producerAndData, this.size, PAGE);
  }
}

function u32(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

function collect(consumer: RingBufConsumer, limit?: number): number[][] {
  const seen: number[][] = [];
  consumer.drain((record) => seen.push([...record]), limit);
  return seen;
}

describe("RingBufConsumer", () => {
  test("drain() hands out committed records in order and publishes the consumer position", () => {
    const ring = new FakeRing(4096);
    const consumer = ring.consumer();
    ring.write([1, 2, 3]);
    ring.write([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(collect(consumer)).toEqual([[1, 2, 3], [4, 5, 6, 7, 8, 9, 10, 11, 12]]);
    expect(ring.consumerPosition()).toBe(16 + 24);
    expect(consumer.stats).toEqual({ records: 2, bytes: 12, discarded: 0 });
    expect(consumer.pendingBytes()).toBe(0);
  });

  test("drainRaw() hands out offsets into one DataView instead of a view per record", () => {
    const ring = new FakeRing(4096);
    const consumer = ring.consumer();
    ring.write([1, 2, 3]);
    ring.write([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const views = new Set<DataView>();
    const seen: number[][] = [];
    expect(consumer.drainRaw((data, offset, length) => {
      views.add(data);
      seen.push(Array.from({ length }, (_, i) => data.getUint8(offset + i)));
    })).toBe(2);
    expect(views.size).toBe(1);
    expect(seen).toEqual([[1, 2, 3], [4, 5, 6, 7, 8, 9, 10, 11, 12]]);
    expect(ring.consumerPosition()).toBe(40);
  });

  test("drain() returns 0 and calls nothing when the buffer is empty", () => {
    const ring = new FakeRing(4096);
    let calls = 0;
    expect(ring.consumer().drain(() => calls++)).toBe(0);
    expect(calls).toBe(0);
  });

  test("drain() stops at a record the producer has not committed yet", () => {
    const ring = new FakeRing(4096);
    const consumer = ring.consumer();
    ring.write([1]);
    ring.write([2], RINGBUF_BUSY_BIT);
    ring.write([3]);
    expect(collect(consumer)).toEqual([[1]]);
    expect(ring.consumerPosition()).toBe(16);
    // The producer commits it: the busy bit goes, and reading resumes there.
    ring.producerAndData[PAGE + 16 + 3] = 0;
    ring.producerAndData[PAGE + 4096 + 16 + 3] = 0;
    expect(collect(consumer)).toEqual([[2], [3]]);
  });

  test("drain() skips records the program discarded and counts them", () => {
    const ring = new FakeRing(4096);
    const consumer = ring.consumer();
    ring.write([1]);
    ring.write([2, 2], RINGBUF_DISCARD_BIT);
    ring.write([3]);
    expect(consumer.drain(() => {})).toBe(3);
    expect(consumer.stats).toEqual({ records: 2, bytes: 2, discarded: 1 });
  });

  test("drain() hands out a record that crosses the end of the data area in one piece", () => {
    const ring = new FakeRing(4096, 4096 - 16);
    const consumer = ring.consumer();
    const payload = Array.from({ length: 40 }, (_, i) => i + 1);
    ring.write(payload);
    expect(collect(consumer)).toEqual([payload]);
    expect(ring.consumerPosition()).toBe(4096 - 16 + 48);
  });

  test("drain() keeps the 64-bit consumer position whole when its low half overflows", () => {
    const start = TWO_32 - 8;
    const ring = new FakeRing(4096, start);
    const consumer = ring.consumer();
    ring.write([1, 2, 3, 4]);
    ring.write([5]);
    expect(collect(consumer)).toEqual([[1, 2, 3, 4], [5]]);
    expect(ring.consumerPosition()).toBe(start + 32);
  });

  test("drain() stops after the given number of records", () => {
    const ring = new FakeRing(4096);
    const consumer = ring.consumer();
    for (let i = 0; i < 5; i++) ring.write([i]);
    expect(collect(consumer, 2)).toEqual([[0], [1]]);
    expect(collect(consumer)).toEqual([[2], [3], [4]]);
  });

  test("a callback that throws still consumes the record it was given", () => {
    const ring = new FakeRing(4096);
    const consumer = ring.consumer();
    ring.write([1]);
    ring.write([2]);
    expect(() => consumer.drain(() => {
      throw new Error("boom");
    })).toThrow("boom");
    expect(ring.consumerPosition()).toBe(16);
    expect(collect(consumer)).toEqual([[2]]);
  });

  test("a new consumer resumes where the previous one stopped", () => {
    const ring = new FakeRing(4096);
    ring.write([1]);
    ring.write([2]);
    collect(ring.consumer(), 1);
    expect(collect(ring.consumer())).toEqual([[2]]);
  });

  test("the constructor refuses a size that is not a power of two", () => {
    const ring = new FakeRing(4096);
    expect(() => new RingBufConsumer(ring.consumerPage, ring.producerAndData, 3000))
      .toThrow("power of two");
  });
});
