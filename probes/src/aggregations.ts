/**
 * Aggregations, bpftrace's set, as first-class maps: each is keyed (by an integer, a struct, or
 * nothing) and carries an optional telemetry name and unit, which the runtime turns into an
 * OpenTelemetry instrument without user code. Kernel updates are atomic.
 */
import type { i16, i32, i64, i8, u16, u32, u64, u8 } from "./integers.ts";
import { DeclaredMap } from "./binding.ts";

export interface AggregationOptions {
  /** OpenTelemetry instrument name, e.g. "syscalls.openat". Without it, only printed. */
  name?: string;
  unit?: string;
  description?: string;
  /** Maximum distinct keys (default 10240). */
  entries?: number;
}

abstract class Aggregation<K> extends DeclaredMap {
  constructor(options: AggregationOptions = {}) {
    super(options as unknown as Record<string, unknown>);
  }
  /** Userspace: every key with its aggregated value. */
  entries(): Iterable<[K, unknown]> {
    return this.bound().entries() as Iterable<[K, unknown]>;
  }
}

/** Counts events per key (bpftrace `count()`); a monotonic counter in OpenTelemetry. */
export class Count<K = void> extends Aggregation<K> {
  increment(_key?: K, _by?: u64): void {
    throw new Error("Count.increment() runs only inside kernel handlers");
  }
}

/**
 * Sums values per key (`sum()`). `V`: the value type, u64 unless declared; an unsigned sum is a
 * monotonic counter, a signed one (`new Sum<u32, i64>()`, values that may be negative, as
 * bpftrace's sum() takes) an up-down counter that reads back signed.
 */
export class Sum<K = void, V extends RecordedValue = u64> extends Aggregation<K> {
  add(_value: V, _key?: K): void {
    throw new Error("Sum.add() runs only inside kernel handlers");
  }
}

/**
 * The value type of Min, Max and Stats (u64 unless declared): a signed type makes values compare
 * as signed (`new Min<void, i64>()` keeps -5 below 3) and read back as signed.
 */
export type RecordedValue = u8 | u16 | u32 | u64 | i8 | i16 | i32 | i64;

/** Smallest value per key (`min()`); a gauge. `V`: the value type, u64 unless declared. */
export class Min<K = void, V extends RecordedValue = u64> extends Aggregation<K> {
  record(_value: V, _key?: K): void {
    throw new Error("Min.record() runs only inside kernel handlers");
  }
}

/** Largest value per key (`max()`); a gauge. `V`: the value type, u64 unless declared. */
export class Max<K = void, V extends RecordedValue = u64> extends Aggregation<K> {
  record(_value: V, _key?: K): void {
    throw new Error("Max.record() runs only inside kernel handlers");
  }
}

/**
 * Count, sum, min, max and average per key (`stats()`, `avg()`). `V`: the value type, u64 unless
 * declared; with a signed one the sum, min and max are signed.
 */
export class Stats<K = void, V extends RecordedValue = u64> extends Aggregation<K> {
  record(_value: V, _key?: K): void {
    throw new Error("Stats.record() runs only inside kernel handlers");
  }
}
export { Stats as Avg };

/** A log2 histogram per key (`hist()`); an OpenTelemetry histogram with power-of-two bounds. */
export class Histogram<K = void> extends Aggregation<K> {
  record(_value: u64, _key?: K): void {
    throw new Error("Histogram.record() runs only inside kernel handlers");
  }
}

/** A linear histogram (`lhist(min, max, step)`). */
export class LinearHistogram<K = void> extends Aggregation<K> {
  constructor(options: AggregationOptions & { min: number; max: number; step: number }) {
    super(options);
  }
  record(_value: u64, _key?: K): void {
    throw new Error("LinearHistogram.record() runs only inside kernel handlers");
  }
}
