import { describe, expect, test } from "bun:test";
import { PERF_RECORD_LOST, PERF_RECORD_SAMPLE, PerfRing } from "./perf_ring.ts";

const PAGE = 4096;

/** One CPU's perf buffer in plain memory, written the way the kernel writes it. */
class FakePerfBuffer {
  readonly mapping: Uint8Array;
  readonly view: DataView;
  head: number;

  constructor(readonly dataSize = PAGE, start = 0) {
    this.mapping = new Uint8Array(PAGE + dataSize);
    this.view = new DataView(this.mapping.buffer);
    this.view.setBigUint64(1040, BigInt(PAGE), true);
    this.view.setBigUint64(1048, BigInt(dataSize), true);
    this.view.setBigUint64(1032, BigInt(start), true);
    this.head = start;
    this.publish();
  }

  /** Like the kernel, pads the raw data so that its u32 size plus the data end on 8 bytes. */
  sample(raw: number[]): void {
    const rawSize = ((4 + raw.length + 7) & ~7) - 4;
    const padding = new Array<number>(rawSize - raw.length).fill(0);
    this.record(PERF_RECORD_SAMPLE, [...u32(rawSize), ...raw, ...padding]);
  }

  lost(count: number): void {
    this.record(PERF_RECORD_LOST, [...u32(7), ...u32(0), ...u32(count), ...u32(0)]);
  }

  record(type: number, body: number[]): void {
    const bytes = [...u32(type), 0, 0, ...u16(8 + body.length), ...body];
    for (let i = 0; i < bytes.length; i++) {
      this.mapping[PAGE + ((this.head + i) % this.dataSize)] = bytes[i]!;
    }
    this.head += bytes.length;
    this.publish();
  }

  publish(): void {
    this.view.setBigUint64(1024, BigInt(this.head), true);
  }

  tail(): number {
    return Number(this.view.getBigUint64(1032, true));
  }
}

function u32(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

function u16(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff];
}

function drainAll(ring: PerfRing) {
  const samples: number[][] = [];
  let lost = 0;
  const consumed = ring.drain((s) => samples.push([...s]), (n) => lost += n);
  return { samples, lost, consumed };
}

describe("PerfRing", () => {
  test("drain() hands out raw samples in order and moves data_tail", () => {
    const buffer = new FakePerfBuffer();
    const ring = new PerfRing(3, buffer.mapping);
    buffer.sample([1, 2, 3, 4]);
    buffer.sample([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    const cpus: number[] = [];
    const samples: number[][] = [];
    ring.drain((s, cpu) => {
      samples.push([...s]);
      cpus.push(cpu);
    }, () => {});
    expect(samples).toEqual([[1, 2, 3, 4], [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]]);
    expect(cpus).toEqual([3, 3]);
    expect(buffer.tail()).toBe(buffer.head);
    expect(ring.pendingBytes()).toBe(0);
  });

  test("drain() hands out kernel padding as part of a sample", () => {
    const buffer = new FakePerfBuffer();
    const ring = new PerfRing(0, buffer.mapping);
    buffer.sample([9, 9]);
    expect(drainAll(ring).samples).toEqual([[9, 9, 0, 0]]);
  });

  test("drain() adds up the counts of lost-record notes", () => {
    const buffer = new FakePerfBuffer();
    const ring = new PerfRing(0, buffer.mapping);
    buffer.sample([1, 1, 1, 1]);
    buffer.lost(5);
    buffer.lost(2);
    buffer.sample([2, 2, 2, 2]);
    expect(drainAll(ring)).toEqual({ samples: [[1, 1, 1, 1], [2, 2, 2, 2]], lost: 7, consumed: 4 });
  });

  test("drain() joins a sample that wraps around the end of the data pages", () => {
    const buffer = new FakePerfBuffer(PAGE, PAGE - 16);
    const ring = new PerfRing(0, buffer.mapping);
    const raw = Array.from({ length: 36 }, (_, i) => i);
    buffer.sample(raw);
    buffer.sample([7, 7, 7, 7]);
    expect(drainAll(ring).samples).toEqual([raw, [7, 7, 7, 7]]);
    expect(buffer.tail()).toBe(PAGE - 16 + 48 + 16);
  });

  test("drain() reads a lost-record note that wraps around the end", () => {
    const buffer = new FakePerfBuffer(PAGE, PAGE - 16);
    const ring = new PerfRing(0, buffer.mapping);
    buffer.lost(123456);
    expect(drainAll(ring).lost).toBe(123456);
  });

  test("drain() skips record types it does not know", () => {
    const buffer = new FakePerfBuffer();
    const ring = new PerfRing(0, buffer.mapping);
    buffer.record(5, [0, 0, 0, 0, 0, 0, 0, 0]);
    buffer.sample([1, 2, 3, 4]);
    expect(drainAll(ring)).toEqual({ samples: [[1, 2, 3, 4]], lost: 0, consumed: 2 });
  });

  test("drain() refuses a record whose size is smaller than its header", () => {
    const buffer = new FakePerfBuffer();
    const ring = new PerfRing(0, buffer.mapping);
    buffer.mapping[PAGE] = PERF_RECORD_SAMPLE;
    buffer.head = 8;
    buffer.publish();
    expect(() => drainAll(ring)).toThrow("Corrupt perf buffer record");
  });

  test("drain() stops after the given number of records", () => {
    const buffer = new FakePerfBuffer();
    const ring = new PerfRing(0, buffer.mapping);
    for (let i = 0; i < 4; i++) buffer.sample([i, i, i, i]);
    const seen: number[] = [];
    expect(ring.drain((s) => seen.push(s[0]!), () => {}, 3)).toBe(3);
    expect(ring.drain((s) => seen.push(s[0]!), () => {})).toBe(1);
    expect(seen).toEqual([0, 1, 2, 3]);
  });
});
