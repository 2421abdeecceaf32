/**
 * MapSpec: the deterministic description of a map (what the compiler emits and an ELF object
 * declares), as opposed to `BpfMap`, the live kernel object created from it.
 */
import { MapType, mapTypeName as asmMapTypeName } from "../asm/mod.ts";

export interface MapSpec {
  /** Up to 15 bytes reach the kernel; longer names are cut. */
  name: string;
  type: number;
  keySize: number;
  valueSize: number;
  maxEntries: number;
  flags?: number;
  /** BTF describing key and value, so bpftool shows structured contents. */
  btf?: { fd: number; keyTypeId: number; valueTypeId: number };
  /** For map-in-map types: the inner map's spec. */
  inner?: MapSpec;
}

/** Map types whose values hold one slot per possible CPU. */
export const PER_CPU_TYPES: ReadonlySet<number> = new Set([
  MapType.PERCPU_HASH, MapType.PERCPU_ARRAY, MapType.LRU_PERCPU_HASH,
]);

/** Map types that are not key/value stores (no lookup/update from userspace). */
export const STREAM_TYPES: ReadonlySet<number> = new Set([
  MapType.RINGBUF, MapType.PERF_EVENT_ARRAY,
]);

/** `hash`, `percpu_array`, … for messages. */
export function mapTypeName(type: number): string {
  return asmMapTypeName(type)?.toLowerCase() ?? `map type ${type}`;
}

/** Checks a spec before it reaches the kernel, with messages that say what to change. */
export function validateMapSpec(spec: MapSpec): void {
  const what = `map '${spec.name}' (${mapTypeName(spec.type)})`;
  const fail = (detail: string): never => {
    throw new MapSpecError(`Invalid ${what}: ${detail}`);
  };
  if (!Number.isInteger(spec.maxEntries) || spec.maxEntries <= 0) {
    fail(`max entries must be a positive integer, got ${spec.maxEntries}`);
  }
  if (spec.type === MapType.RINGBUF) {
    if (spec.keySize !== 0 || spec.valueSize !== 0) fail("a ring buffer has no key or value size");
    const size = spec.maxEntries;
    if (size < 4096 || (size & (size - 1)) !== 0) {
      fail(`its size must be a power of two of at least 4096 bytes, got ${size}`);
    }
    return;
  }
  if (spec.type === MapType.ARRAY || spec.type === MapType.PERCPU_ARRAY ||
    spec.type === MapType.PERF_EVENT_ARRAY) {
    if (spec.keySize !== 4) fail(`array keys are 4 bytes (u32), got ${spec.keySize}`);
  } else if (spec.keySize <= 0) {
    fail(`key size must be positive, got ${spec.keySize}`);
  }
  if (spec.type === MapType.STACK_TRACE && (spec.valueSize % 8 !== 0 || spec.valueSize === 0)) {
    fail(`a stack trace value is 8 bytes per frame, got ${spec.valueSize}`);
  }
  if (spec.valueSize <= 0 && spec.type !== MapType.PERF_EVENT_ARRAY) {
    fail(`value size must be positive, got ${spec.valueSize}`);
  }
}

/** A map spec that cannot work, caught before the kernel sees it. */
export class MapSpecError extends Error {
  override readonly name = "MapSpecError";
}
