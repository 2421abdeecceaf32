/**
 * The kernel's map types in JS, with the kernel's semantics where a probe can observe them:
 * a hash map's capacity (an update that would add an entry to a full map fails with E2BIG),
 * BPF_NOEXIST / BPF_EXIST, an LRU hash map evicting its least recently used entry instead,
 * arrays whose entries always exist (zeroed), per-CPU maps with one value per CPU (the probe
 * sees the current CPU's), and ring buffers that refuse a record when full. Values live in the
 * simulator's memory, so `lookup` returns an address the probe can update in place.
 *
 * Where a probe holds a pointer across an update, it sees what the kernel's preallocated hash
 * map does: updating an existing key writes the new value into the CPU's spare element and
 * keeps the old element as the next spare (the pointer still reads the old value), and a
 * deleted element goes to the CPU's free list, which the next new key takes first (LIFO).
 * Arrays and per-CPU hash maps update in place. Not simulated: the kernel's approximate LRU
 * (this one is exact); replaced LRU elements are not reused.
 */
import { type ArtifactMap, MapType, UpdateFlag } from "@ts-bpf/loader";
import { layoutSize } from "../decode/value_codec.ts";
import type { SimMemory } from "./sim_memory.ts";

export const EEXIST = 17;
export const ENOENT = 2;
export const E2BIG = 7;
export const EINVAL = 22;
export const EAGAIN = 11;

/** Update flags as the program passes them (64-bit helper arguments). */
const BPF_NOEXIST = BigInt(UpdateFlag.NOEXIST);
const BPF_EXIST = BigInt(UpdateFlag.EXIST);

interface Entry {
  readonly key: Uint8Array;
  /** One address per CPU (one for maps that are not per-CPU). */
  values: bigint[];
}

/** A map as the probe and the test see it. */
export class SimMap {
  readonly spec: ArtifactMap;
  readonly keySize: number;
  readonly valueSize: number;
  readonly perCpu: boolean;
  readonly #memory: SimMemory;
  readonly #cpus: number;
  readonly #currentCpu: () => number;
  /** Insertion order = iteration order; for LRU maps, least recently used first. */
  readonly #entries = new Map<string, Entry>();
  readonly #array: boolean;
  readonly #lru: boolean;
  /** Per CPU: the spare element an update of an existing key writes into (hash maps). */
  readonly #spares: bigint[][] = [];
  /** Per CPU: freed elements, most recent last. */
  readonly #freeLists: bigint[][][] = [];

  constructor(spec: ArtifactMap, memory: SimMemory, cpus: number, currentCpu: () => number) {
    this.spec = spec;
    this.#memory = memory;
    this.#cpus = cpus;
    this.#currentCpu = currentCpu;
    this.perCpu = spec.mapType === MapType.PERCPU_ARRAY || spec.mapType === MapType.PERCPU_HASH;
    this.#array = spec.mapType === MapType.ARRAY || spec.mapType === MapType.PERCPU_ARRAY;
    this.#lru = spec.mapType === MapType.LRU_HASH;
    this.keySize = layoutSize(spec.key);
    this.valueSize = layoutSize(spec.value);
    if (this.#array) {
      for (let i = 0; i < spec.maxEntries; i++) {
        const key = new Uint8Array(4);
        new DataView(key.buffer).setUint32(0, i, true);
        this.#entries.set(hex(key), { key, values: this.#allocValues() });
      }
    }
  }

  get name(): string {
    return this.spec.name;
  }

  /** The address of the current CPU's value for `key`, or 0n. */
  lookup(key: Uint8Array): bigint {
    const id = hex(key);
    const entry = this.#entries.get(id);
    if (!entry) return 0n;
    if (this.#lru) this.#touch(id, entry);
    return entry.values[this.perCpu ? this.#currentCpu() : 0]!;
  }

  /** bpf_map_update_elem from a probe: 0 or -errno. `value` is one CPU's bytes. */
  update(key: Uint8Array, value: Uint8Array, flags: bigint): number {
    if (flags > BPF_EXIST) return -EINVAL;
    const id = hex(key);
    const entry = this.#entries.get(id);
    if (this.#array) {
      if (!entry) return -E2BIG;
      if (flags === BPF_NOEXIST) return -EEXIST;
    } else {
      if (entry && flags === BPF_NOEXIST) return -EEXIST;
      if (!entry && flags === BPF_EXIST) return -ENOENT;
    }
    const cpu = this.#currentCpu();
    if (entry && (this.#array || this.perCpu)) {
      // Arrays, and per-CPU maps (the given CPU's copy), are updated in place.
      this.#memory.write(entry.values[this.perCpu ? cpu : 0]!, value);
      return 0;
    }
    if (entry) {
      // A new element replaces the old one, so a pointer to the old value keeps reading it.
      const old = entry.values;
      if (this.#lru) {
        entry.values = this.#allocValues();
        this.#touch(id, entry);
      } else {
        entry.values = this.#spares[cpu] ?? this.#allocValues();
        this.#spares[cpu] = old;
      }
      this.#memory.write(entry.values[0]!, value);
      return 0;
    }
    if (this.#entries.size >= this.spec.maxEntries) {
      if (!this.#lru) return -E2BIG;
      const oldest = this.#entries.keys().next().value!;
      this.#remove(oldest);
    }
    const reused = this.#lru ? undefined : this.#popFree(cpu);
    const created: Entry = { key: key.slice(), values: reused ?? this.#allocValues() };
    if (reused && this.perCpu) for (const v of reused) this.#memory.bytes(v, this.valueSize).fill(0);
    this.#memory.write(created.values[this.perCpu ? cpu : 0]!, value);
    this.#entries.set(id, created);
    return 0;
  }

  /** bpf_map_delete_elem: 0, -ENOENT, or -EINVAL for arrays (their entries cannot go). */
  delete(key: Uint8Array): number {
    if (this.#array) return -EINVAL;
    const id = hex(key);
    if (!this.#entries.has(id)) return -ENOENT;
    this.#remove(id);
    return 0;
  }

  /**
   * Every entry as the loader's BpfMap.lookupAll() returns it: key bytes and value bytes, a
   * per-CPU map's values one after another, each padded to 8 bytes.
   */
  lookupAll(): [Uint8Array, Uint8Array][] {
    const stride = Math.ceil(this.valueSize / 8) * 8;
    return [...this.#entries.values()].map((e) => {
      if (!this.perCpu) return [e.key.slice(), this.#memory.read(e.values[0]!, this.valueSize)];
      const out = new Uint8Array(stride * this.#cpus);
      e.values.forEach((v, cpu) => out.set(this.#memory.bytes(v, this.valueSize), cpu * stride));
      return [e.key.slice(), out];
    });
  }

  /** Sets an entry from the test (all CPUs of a per-CPU map get the same value). */
  set(key: Uint8Array, value: Uint8Array): void {
    const err = this.update(key, value, 0n);
    if (err) throw new RangeError(`simulator: cannot set an entry of map '${this.name}' (errno ${-err})`);
    if (this.perCpu) {
      const entry = this.#entries.get(hex(key))!;
      for (const v of entry.values) this.#memory.write(v, value);
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  #allocValues(): bigint[] {
    return Array.from({ length: this.perCpu ? this.#cpus : 1 }, () => this.#memory.alloc(this.valueSize));
  }

  #touch(id: string, entry: Entry): void {
    this.#entries.delete(id);
    this.#entries.set(id, entry);
  }

  #remove(id: string): void {
    const entry = this.#entries.get(id)!;
    this.#entries.delete(id);
    // The element keeps its bytes until a new key takes it (LRU elements are not reused).
    if (!this.#lru) (this.#freeLists[this.#currentCpu()] ??= []).push(entry.values);
  }

  /** The most recently freed element, this CPU's first (the kernel's per-CPU free lists). */
  #popFree(cpu: number): bigint[] | undefined {
    const own = this.#freeLists[cpu];
    if (own?.length) return own.pop();
    return this.#freeLists.find((l) => l?.length)?.pop();
  }
}

/**
 * A ring buffer: records kept in order until the test drains them; full means refused. Its
 * data area lives in the simulator's memory, where bpf_ringbuf_reserve hands out records for
 * the probe to fill in place; like the kernel's, a reserved record holds whatever bytes were
 * there before (here: earlier records', or a fill pattern), so a probe that leaves bytes
 * unwritten shows it. Records are taken in reservation order once submitted; a discarded one
 * is skipped.
 */
export class SimRingBuf {
  readonly spec: ArtifactMap;
  readonly #memory: SimMemory;
  /** Records in reservation order, with their bytes once submitted (none while reserved). */
  readonly #records: { at: bigint; size: number; data?: Uint8Array; discarded?: boolean }[] = [];
  #data: bigint | undefined;
  #used = 0;

  constructor(spec: ArtifactMap, memory: SimMemory) {
    this.spec = spec;
    this.#memory = memory;
  }

  get name(): string {
    return this.spec.name;
  }

  /** bpf_ringbuf_output: 0, or -EAGAIN when the record (with its 8-byte header) does not fit. */
  output(data: Uint8Array): number {
    const at = this.reserve(data.length);
    if (at === 0n) return -EAGAIN;
    this.#memory.write(at, data);
    this.submit(at);
    return 0;
  }

  /** bpf_ringbuf_reserve: the record's address, or 0n when it (with its header) does not fit. */
  reserve(size: number): bigint {
    const need = Math.ceil((size + 8) / 8) * 8;
    if (this.#used + need > this.spec.maxEntries) return 0n;
    if (this.#data === undefined) {
      this.#data = this.#memory.alloc(this.spec.maxEntries);
      // Not zero, as the kernel's pages are not once records have gone through them.
      this.#memory.bytes(this.#data, this.spec.maxEntries).fill(0xa5);
    }
    const at = this.#data + BigInt(this.#used + 8);
    this.#used += need;
    this.#records.push({ at, size });
    return at;
  }

  /** Whether `address` is a record reserved here and not yet submitted or discarded. */
  holds(address: bigint): boolean {
    return this.#records.some((r) => r.at === address && !r.data && !r.discarded);
  }

  /** bpf_ringbuf_submit: the record at `address` is complete. */
  submit(address: bigint): void {
    const record = this.#reserved(address);
    record.data = this.#memory.read(address, record.size);
  }

  /** bpf_ringbuf_discard: the record at `address` is dropped unread (its space stays used). */
  discard(address: bigint): void {
    this.#reserved(address).discarded = true;
  }

  /** Takes every record submitted so far, freeing the space of all (none may be pending). */
  drain(): Uint8Array[] {
    if (this.#records.some((r) => !r.data && !r.discarded)) {
      throw new Error(`simulator: ring buffer '${this.name}' has a record reserved but never submitted`);
    }
    const out = this.#records.splice(0).flatMap((r) => r.data ? [r.data] : []);
    this.#used = 0;
    return out;
  }

  /** Records waiting, without consuming them. */
  get pending(): number {
    return this.#records.filter((r) => r.data).length;
  }

  #reserved(address: bigint): { at: bigint; size: number; data?: Uint8Array; discarded?: boolean } {
    const record = this.#records.find((r) => r.at === address && !r.data && !r.discarded);
    if (!record) throw new Error(`simulator: ${address} is no record reserved in ring buffer '${this.name}'`);
    return record;
  }
}

function hex(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s;
}
