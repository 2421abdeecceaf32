/**
 * BpfMap: a live kernel map. Keys and values are bytes; typed views over them belong to callers
 * (the runtime decodes with the artifact's layouts). Each map owns native key/value buffers
 * made once, so a lookup is one copy in, one syscall and one copy out.
 */
import { BpfCmd } from "../sys/bpf_cmd.ts";
import { closeFd } from "../sys/bpf.ts";
import type { NativeMemory } from "../sys/backend.ts";
import { ENOENT } from "../sys/errno.ts";
import { SyscallError } from "../sys/errors.ts";
import {
  mapBatch, mapCreate, mapDeleteElem, mapGetNextKey, mapLookupAndDeleteElem, mapLookupElem,
  mapUpdateElem,
} from "../sys/map_cmds.ts";
import { backend } from "../sys/select_backend.ts";
import { possibleCpuCount } from "../kernel/cpus.ts";
import { type MapSpec, mapTypeName, PER_CPU_TYPES, STREAM_TYPES, validateMapSpec } from "./map_spec.ts";

/** Update flags (BPF_ANY, BPF_NOEXIST, BPF_EXIST). */
export const UpdateFlag = { ANY: 0, NOEXIST: 1, EXIST: 2 } as const;

const ENOENT_OR_END = ENOENT;

export class BpfMap {
  readonly fd: number;
  readonly spec: Readonly<MapSpec>;
  /** Bytes of one value as userspace sees it (per-CPU values: one 8-byte-aligned slot per CPU). */
  readonly valueBytes: number;
  readonly perCpu: boolean;
  #key: NativeMemory;
  #nextKey: NativeMemory;
  #value: NativeMemory;
  #closed = false;

  private constructor(fd: number, spec: MapSpec) {
    this.fd = fd;
    this.spec = Object.freeze({ ...spec });
    this.perCpu = PER_CPU_TYPES.has(spec.type);
    this.valueBytes = this.perCpu
      ? Math.ceil(spec.valueSize / 8) * 8 * possibleCpuCount()
      : spec.valueSize;
    const sys = backend();
    this.#key = sys.alloc(Math.max(spec.keySize, 8));
    this.#nextKey = sys.alloc(Math.max(spec.keySize, 8));
    this.#value = sys.alloc(Math.max(this.valueBytes, 8));
  }

  /**
   * Creates a map in the kernel.
   * @throws MapSpecError for a spec that cannot work; SyscallError when the kernel refuses it.
   */
  static create(spec: MapSpec): BpfMap {
    validateMapSpec(spec);
    let fd: number;
    try {
      fd = mapCreate({
        mapType: spec.type,
        keySize: spec.keySize,
        valueSize: spec.valueSize,
        maxEntries: spec.maxEntries,
        flags: spec.flags,
        name: sanitizeName(spec.name),
        btfFd: spec.btf?.fd,
        btfKeyTypeId: spec.btf?.keyTypeId,
        btfValueTypeId: spec.btf?.valueTypeId,
      });
    } catch (error) {
      if (error instanceof SyscallError) {
        throw new SyscallError(`Cannot create map '${spec.name}' (${mapTypeName(spec.type)}, ` +
          `key ${spec.keySize} B, value ${spec.valueSize} B, ${spec.maxEntries} entries)`,
          error.errno, { hint: error.hint ?? "check the map type is supported by this kernel " +
            "('tsbpf doctor') and that the sizes suit it" });
      }
      throw error;
    }
    return new BpfMap(fd, spec);
  }

  /** Wraps an existing map fd (owned from now on by this object). */
  static fromFd(fd: number, spec: MapSpec): BpfMap {
    return new BpfMap(fd, spec);
  }

  get name(): string {
    return this.spec.name;
  }

  /** The value for `key`, or undefined when absent. A fresh copy. */
  lookup(key: Uint8Array): Uint8Array | undefined {
    const out = new Uint8Array(this.valueBytes);
    return this.lookupInto(key, out) ? out : undefined;
  }

  /** Copies the value for `key` into `out`; false when absent. Allocation-free. */
  lookupInto(key: Uint8Array, out: Uint8Array): boolean {
    this.#checkOpen();
    this.#setKey(key);
    this.#checkValue(out.length, "lookup buffer");
    const result = mapLookupElem(this.fd, this.#key.address, this.#value.address);
    if (result === -ENOENT) return false;
    if (result < 0) throw this.#error("look up a key in", -result);
    out.set(this.#value.bytes.subarray(0, this.valueBytes));
    return true;
  }

  /** Per-CPU maps: the value for `key` split into one slot per possible CPU. */
  lookupPerCpu(key: Uint8Array): Uint8Array[] | undefined {
    if (!this.perCpu) throw new Error(`Map '${this.name}' is not a per-CPU map`);
    const all = this.lookup(key);
    if (!all) return undefined;
    const stride = Math.ceil(this.spec.valueSize / 8) * 8;
    return Array.from({ length: possibleCpuCount() }, (_, cpu) =>
      all.slice(cpu * stride, cpu * stride + this.spec.valueSize));
  }

  /** Sets `key` to `value` (flags: UpdateFlag). Throws when the map is full (ENOSPC/E2BIG). */
  update(key: Uint8Array, value: Uint8Array, flags: number = UpdateFlag.ANY): void {
    this.#checkOpen();
    this.#setKey(key);
    this.#checkValue(value.length, "value");
    this.#value.bytes.set(value);
    const result = mapUpdateElem(this.fd, this.#key.address, this.#value.address, flags);
    if (result < 0) throw this.#error("update", -result);
  }

  /** Deletes `key`; false when it was absent. */
  delete(key: Uint8Array): boolean {
    this.#checkOpen();
    this.#setKey(key);
    const result = mapDeleteElem(this.fd, this.#key.address);
    if (result === -ENOENT) return false;
    if (result < 0) throw this.#error("delete a key from", -result);
    return true;
  }

  /** Looks up and deletes in one step (queue/stack maps and hashes on 5.14+). */
  lookupAndDelete(key: Uint8Array): Uint8Array | undefined {
    this.#checkOpen();
    this.#setKey(key);
    const result = mapLookupAndDeleteElem(this.fd, this.#key.address, this.#value.address);
    if (result === -ENOENT) return undefined;
    if (result < 0) throw this.#error("look up and delete in", -result);
    return this.#value.bytes.slice(0, this.valueBytes);
  }

  /** Every key, by BPF_MAP_GET_NEXT_KEY. Keys deleted meanwhile may restart the walk (kernel rule). */
  *keys(): Generator<Uint8Array> {
    this.#checkOpen();
    const size = this.spec.keySize;
    let first = true;
    for (;;) {
      const result = mapGetNextKey(this.fd, first ? 0 : this.#key.address, this.#nextKey.address);
      if (result === -ENOENT_OR_END) return;
      if (result < 0) throw this.#error("iterate", -result);
      first = false;
      const key = this.#nextKey.bytes.slice(0, size);
      this.#key.bytes.set(key);
      yield key;
    }
  }

  /** Every [key, value] pair; entries deleted during the walk are skipped. */
  *entries(): Generator<[Uint8Array, Uint8Array]> {
    for (const key of [...this.keys()]) {
      const value = this.lookup(key);
      if (value) yield [key, value];
    }
  }

  /**
   * All entries with BPF_MAP_LOOKUP_BATCH (one syscall per `chunk` entries, 5.6+); falls back to
   * `entries()` where the map type has no batch support.
   */
  lookupAll(chunk = 256): [Uint8Array, Uint8Array][] {
    this.#checkOpen();
    if (STREAM_TYPES.has(this.spec.type)) {
      throw new Error(`Map '${this.name}' (${mapTypeName(this.spec.type)}) has no entries to read`);
    }
    const sys = backend();
    const keySize = this.spec.keySize;
    const keys = sys.alloc(keySize * chunk);
    const values = sys.alloc(this.valueBytes * chunk);
    const inBatch = sys.alloc(Math.max(keySize, 8));
    const outBatch = sys.alloc(Math.max(keySize, 8));
    const out: [Uint8Array, Uint8Array][] = [];
    try {
      let first = true;
      for (;;) {
        const { result, count } = mapBatch(BpfCmd.MAP_LOOKUP_BATCH, {
          fd: this.fd, inBatch: first ? 0 : inBatch.address, outBatch: outBatch.address,
          keys: keys.address, values: values.address, count: chunk,
        });
        if (result < 0 && result !== -ENOENT) {
          if (first && (result === -22 || result === -95 || result === -524)) {
            return [...this.entries()];
          }
          throw this.#error("batch-read", -result);
        }
        for (let i = 0; i < count; i++) {
          out.push([keys.bytes.slice(i * keySize, (i + 1) * keySize),
            values.bytes.slice(i * this.valueBytes, (i + 1) * this.valueBytes)]);
        }
        if (result === -ENOENT) return out;
        inBatch.bytes.set(outBatch.bytes);
        first = false;
      }
    } finally {
      for (const m of [keys, values, inBatch, outBatch]) sys.free(m);
    }
  }

  /** Releases the map's fd (the kernel frees the map once no program uses it). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeFd(this.fd);
    const sys = backend();
    sys.free(this.#key);
    sys.free(this.#nextKey);
    sys.free(this.#value);
  }

  [Symbol.dispose](): void {
    this.close();
  }

  #checkOpen(): void {
    if (this.#closed) throw new Error(`Map '${this.name}' is closed`);
  }

  #setKey(key: Uint8Array): void {
    if (key.length !== this.spec.keySize) {
      throw new RangeError(`Map '${this.name}' has ${this.spec.keySize}-byte keys, got ` +
        `${key.length} bytes`);
    }
    this.#key.bytes.set(key);
  }

  #checkValue(length: number, what: string): void {
    if (length !== this.valueBytes) {
      const perCpu = this.perCpu ? ` (${this.spec.valueSize} B per CPU × ${possibleCpuCount()} ` +
        "possible CPUs, each slot padded to 8 bytes)" : "";
      throw new RangeError(`Map '${this.name}' has ${this.valueBytes}-byte values${perCpu}, ` +
        `the ${what} has ${length} bytes`);
    }
  }

  #error(action: string, errno: number): SyscallError {
    const hint = errno === 7 || errno === 28
      ? `the map is full (${this.spec.maxEntries} entries): raise its size or delete entries`
      : undefined;
    return new SyscallError(`Cannot ${action} map '${this.name}'`, errno, { hint });
  }
}

/** Map names may hold only [A-Za-z0-9_.]; anything else becomes '_'. */
function sanitizeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_.]/g, "_").slice(0, 15);
}
