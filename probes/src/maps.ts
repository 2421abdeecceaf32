/**
 * Maps a probe declares at its top level. In kernel handlers their methods compile to map
 * helpers; in userspace code they read the live kernel map. `get` returns `T | undefined` so
 * TypeScript makes the handler check for a missing entry, which is the null check the verifier
 * requires.
 */
import type { u32 } from "./integers.ts";
import { DeclaredMap } from "./binding.ts";

export interface MapOptions {
  /** Maximum number of entries. */
  entries: number;
  /** Name in the kernel (defaults to the variable's name). */
  name?: string;
  /** Print the map's final contents when `tsbpf run` stops (aggregations always print). */
  print?: boolean;
}

/** A hash map (BPF_MAP_TYPE_HASH). Keys are integers or structs. */
export class HashMap<K, V> extends DeclaredMap {
  constructor(options: MapOptions) {
    super(options as unknown as Record<string, unknown>);
  }
  /** The value for `key`, or undefined. In a handler, a reference into the map: assigning to
   * its fields updates the entry in place. */
  get(key: K): V | undefined {
    return this.bound().lookup(key) as V | undefined;
  }
  set(key: K, value: V): void {
    this.bound().update(key, value);
  }
  delete(key: K): boolean {
    return this.bound().delete(key);
  }
  /** Userspace only: every entry. */
  entries(): Iterable<[K, V]> {
    return this.bound().entries() as Iterable<[K, V]>;
  }
}

/** A hash map that evicts the least recently used entry when full (BPF_MAP_TYPE_LRU_HASH). */
export class LruHashMap<K, V> extends HashMap<K, V> {}
/** A hash map with one value per CPU (BPF_MAP_TYPE_PERCPU_HASH); userspace sees the sum. */
export class PerCpuHashMap<K, V> extends HashMap<K, V> {}

/** An array indexed 0 … entries-1 (BPF_MAP_TYPE_ARRAY); entries always exist, zeroed. */
export class ArrayMap<V> extends DeclaredMap {
  constructor(options: MapOptions) {
    super(options as unknown as Record<string, unknown>);
  }
  get(index: u32): V | undefined {
    return this.bound().lookup(index) as V | undefined;
  }
  set(index: u32, value: V): void {
    this.bound().update(index, value);
  }
  entries(): Iterable<[u32, V]> {
    return this.bound().entries() as Iterable<[u32, V]>;
  }
}
/** An array with one value per CPU (BPF_MAP_TYPE_PERCPU_ARRAY). */
export class PerCpuArrayMap<V> extends ArrayMap<V> {}

/**
 * A ring buffer of records sent to userspace (BPF_MAP_TYPE_RINGBUF, 5.8+). Records a full
 * buffer refuses are counted and reported as lost; `countLost: false` leaves the counter out
 * (five fewer instructions per emit, on the path taken only when the buffer is full), and
 * nothing then knows how many were lost.
 */
export class RingBuf<T> extends DeclaredMap {
  constructor(options: { bytes: number; name?: string; countLost?: boolean }) {
    super(options as unknown as Record<string, unknown>);
  }
  /** Kernel: copy `record` into the buffer. When it is full the record is dropped (and counted). */
  emit(_record: T): void {
    throw new Error("RingBuf.emit() runs only inside kernel handlers");
  }
  /** Userspace: called with each record as it arrives. */
  on(callback: (record: T) => void): void {
    this.bound().subscribe(callback as (r: unknown) => void);
  }
}

/** Records sent through per-CPU perf buffers (BPF_MAP_TYPE_PERF_EVENT_ARRAY). */
export class PerfEventArray<T> extends RingBuf<T> {
  constructor(options: { pages?: number; name?: string } = {}) {
    super({ bytes: (options.pages ?? 8) * 4096, name: options.name });
  }
}

/**
 * Stack traces by id (BPF_MAP_TYPE_STACK_TRACE): kstack() and ustack() store the current stack
 * and return its id; userspace reads the addresses with get(). `depth` is the most frames kept
 * (default 127).
 */
export class StackTraceMap extends DeclaredMap {
  constructor(options: { entries: number; depth?: number; name?: string }) {
    super(options as unknown as Record<string, unknown>);
  }
  /** Userspace: the return addresses of stack `id`, innermost first, or undefined when the id
   * is unknown (a negative id from kstack()/ustack() means no stack was stored). */
  get(id: number): bigint[] | undefined {
    if (id < 0) return undefined;
    const frames = this.bound().lookup(id) as bigint[] | undefined;
    if (!frames) return undefined;
    const end = frames.indexOf(0n);
    return end < 0 ? frames : frames.slice(0, end);
  }
}

/**
 * A stream of spans: a ring buffer whose records the runtime turns into OpenTelemetry spans.
 * The record struct must have `name: str<N>`, `start: u64` and `end: u64` (ktimeNs() values),
 * and may have `kind: u8` (0 internal, 1 server, 2 client, 3 producer, 4 consumer),
 * `status: u8` (0 unset, 1 ok, 2 error), `traceId: Arr<u8, 16>`, `spanId: Arr<u8, 8>` and
 * `parentId: Arr<u8, 8>`; every other field becomes a span attribute named after it.
 */
export class SpanStream<T> extends RingBuf<T> {
  constructor(options: { bytes?: number; name?: string } = {}) {
    super({ bytes: options.bytes ?? 256 * 1024, name: options.name });
  }
}
