/**
 * A native, reusable buffer for syscall attrs, written through offset tables.
 *
 * Syscalls from JS are synchronous, so one scratch attr per size class is enough; `reset()`
 * zeroes it first, which is what the kernel requires of every byte a command does not use.
 */
import { backend } from "./select_backend.ts";
import type { NativeMemory } from "./backend.ts";

export class AttrBuffer {
  readonly memory: NativeMemory;
  readonly view: DataView;

  constructor(readonly size: number) {
    this.memory = backend().alloc(size);
    this.view = new DataView(this.memory.bytes.buffer, this.memory.bytes.byteOffset, size);
  }

  get address(): number {
    return this.memory.address;
  }

  reset(): this {
    this.memory.bytes.fill(0);
    return this;
  }

  u32(offset: number, value: number): this {
    this.view.setUint32(offset, value >>> 0, true);
    return this;
  }

  i32(offset: number, value: number): this {
    this.view.setInt32(offset, value, true);
    return this;
  }

  u64(offset: number, value: number | bigint): this {
    this.view.setBigUint64(offset, BigInt.asUintN(64, BigInt(value)), true);
    return this;
  }

  /** A NUL-terminated name of at most `capacity - 1` bytes. */
  name(offset: number, value: string, capacity: number): this {
    const bytes = new TextEncoder().encode(value).subarray(0, capacity - 1);
    this.memory.bytes.set(bytes, offset);
    return this;
  }

  readU32(offset: number): number {
    return this.view.getUint32(offset, true);
  }

  readU64(offset: number): bigint {
    return this.view.getBigUint64(offset, true);
  }
}

/** Copies bytes into fresh native memory; the caller frees it. */
export function toNative(bytes: Uint8Array): NativeMemory {
  const memory = backend().alloc(bytes.length);
  memory.bytes.set(bytes);
  return memory;
}

/** Runs `body` with `bytes` copied to native memory, freeing it afterwards. */
export function withNative<T>(bytes: Uint8Array, body: (memory: NativeMemory) => T): T {
  const memory = toNative(bytes);
  try {
    return body(memory);
  } finally {
    backend().free(memory);
  }
}

/** Runs `body` with `size` bytes of zeroed native memory, freeing it afterwards. */
export function withScratch<T>(size: number, body: (memory: NativeMemory) => T): T {
  const memory = backend().alloc(size);
  try {
    return body(memory);
  } finally {
    backend().free(memory);
  }
}

/** A NUL-terminated C string in native memory; the caller frees it. */
export function cString(value: string): NativeMemory {
  const encoded = new TextEncoder().encode(value);
  const memory = backend().alloc(encoded.length + 1);
  memory.bytes.set(encoded);
  return memory;
}
