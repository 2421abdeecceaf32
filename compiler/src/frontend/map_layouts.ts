/**
 * How each declared map becomes kernel maps: map type, key and value types, and the hidden maps
 * the compiler adds (a ring buffer's drop counter). The artifact records these layouts so the
 * runtime decodes keys, values and records without the compiler.
 *
 * A drop counter is global data: a `.data.<ring>_drops` section, which loaders (ours, libbpf)
 * make a one-entry array map named after the section. The program reaches its value by
 * address (BPF_PSEUDO_MAP_VALUE), so counting a drop is an atomic add, with no lookup.
 *
 * Aggregations keyed by a user key are hash maps created with BPF_F_NO_PREALLOC: preallocating
 * 10240 per-CPU entries costs milliseconds at map creation and again at close, which is most of
 * a session's start-up, while aggregation keys (pids, threads, paths) live long, so allocating
 * on first insert is rare. Tracing programs may use such maps since Linux 6.1 (the BPF memory
 * allocator). The user's own HashMap keeps preallocation (an insert never allocates in the
 * handler; LruHashMap requires it anyway).
 */
import { MapType } from "@ts-bpf/loader";
import { fail } from "../diagnostics/diagnostic.ts";
import { type DslType, I64, type IntType, makeStruct, sizeOf, typeName, U32, U64, VOID }
  from "./dsl_types.ts";
import type { MapDeclaration, ProbeModule } from "./probe_module.ts";
import type { TypeResolver } from "./type_resolver.ts";

export interface KernelMap {
  /** The kernel map's name (the variable's, or options.name). */
  name: string;
  declaration: MapDeclaration;
  mapType: number;
  key: DslType;
  value: DslType;
  maxEntries: number;
  /** For RingBuf/PerfEventArray: the record type. */
  record?: DslType;
  /** For keyed aggregations: the user's key type (the map key may add a bucket). */
  userKey?: DslType;
  /** A ring buffer's drop counter map name. */
  dropsMap?: string;
  hidden?: boolean;
  /** Global data: an ELF data section named `name`, holding the map's one value. */
  globalData?: boolean;
  /** BPF_F_* flags of BPF_MAP_CREATE (map_flags in the ELF `.maps` definition). */
  flags?: number;
}

/** BPF_F_NO_PREALLOC: a hash map allocates each entry on insert rather than all at creation. */
export const BPF_F_NO_PREALLOC = 1;

export const HISTOGRAM_BUCKETS = 65;

export class MapLayouts {
  readonly byVariable = new Map<string, KernelMap>();
  readonly all: KernelMap[] = [];

  constructor(module: ProbeModule, types: TypeResolver) {
    for (const decl of module.maps.values()) {
      const map = layoutOf(decl, types);
      this.byVariable.set(decl.variable, map);
      this.all.push(map);
      if (map.dropsMap) {
        this.all.push({ name: map.dropsMap, declaration: decl, mapType: MapType.ARRAY,
          key: U32, value: U64, maxEntries: 1, hidden: true, globalData: true });
      }
    }
  }
}

function layoutOf(decl: MapDeclaration, types: TypeResolver): KernelMap {
  // Aggregations' `name` is their telemetry name; the kernel map keeps the variable's name.
  const aggregation = !["HashMap", "LruHashMap", "PerCpuHashMap", "ArrayMap", "PerCpuArrayMap",
    "RingBuf", "PerfEventArray", "SpanStream", "StackTraceMap"].includes(decl.kind);
  const name = typeof decl.options.name === "string" && !aggregation ? decl.options.name
    : decl.variable;
  const arg = (i: number) => decl.typeArguments[i] ? types.resolve(decl.typeArguments[i]!) : VOID;
  const entries = (fallback: number) => {
    const n = decl.options.entries ?? fallback;
    if (typeof n !== "number" || !Number.isInteger(n) || n <= 0) {
      fail("TSB1004", decl.span, `map '${decl.variable}' needs { entries: N } with a positive ` +
        "integer constant");
    }
    return n;
  };
  const base = { name, declaration: decl };
  switch (decl.kind) {
    case "HashMap": case "LruHashMap": case "PerCpuHashMap": {
      const mapType = { HashMap: MapType.HASH, LruHashMap: MapType.LRU_HASH,
        PerCpuHashMap: MapType.PERCPU_HASH }[decl.kind];
      return { ...base, mapType, key: arg(0), value: arg(1), maxEntries: entries(0) };
    }
    case "ArrayMap": case "PerCpuArrayMap":
      return { ...base, mapType: decl.kind === "ArrayMap" ? MapType.ARRAY : MapType.PERCPU_ARRAY,
        key: U32, value: arg(0), maxEntries: entries(0) };
    case "RingBuf": case "PerfEventArray": case "SpanStream": {
      const bytes = decl.kind === "PerfEventArray" ? 4096 * 8 : decl.options.bytes ?? 256 * 1024;
      if (typeof bytes !== "number" || bytes < 4096 || (bytes & (bytes - 1)) !== 0) {
        fail("TSB1004", decl.span, `ring buffer '${decl.variable}' needs { bytes: N } with N a ` +
          "power of two of at least 4096");
      }
      if (decl.kind === "PerfEventArray") {
        // One perf buffer per CPU; max_entries 0 lets the loader size it to this machine's CPU
        // count (as libbpf does), so the artifact stays the same on every host. The kernel
        // counts lost records itself (PERF_RECORD_LOST), so no drop counter is needed.
        return { ...base, mapType: MapType.PERF_EVENT_ARRAY, key: U32, value: U32, maxEntries: 0,
          record: arg(0) };
      }
      const countLost = decl.options.countLost ?? true;
      if (typeof countLost !== "boolean") {
        fail("TSB1004", decl.span, `ring buffer '${decl.variable}' needs { countLost: true | false } ` +
          "as a literal");
      }
      // countLost: false leaves out the drop counter (five instructions on a cold path, and a
      // global-data map), as a C program that does not count its drops would: then nothing
      // knows how many records a full buffer refused, and the runtime says so.
      return { ...base, mapType: MapType.RINGBUF, key: VOID, value: VOID, maxEntries: bytes,
        record: arg(0), ...(countLost ? { dropsMap: `.data.${name}_drops` } : {}) };
    }
    case "Count": case "Sum": {
      // Keyed: per-CPU, like bpftrace's count() and sum(). Each CPU adds to its own value (no
      // cache line bouncing between CPUs) and a first insert needs no retry to stay exact;
      // readers sum the CPUs' values. Keyless: one array slot, which always exists. A signed
      // Sum adds the same bits (two's complement) and is read back as an i64.
      const value = decl.kind === "Sum" ? recordedValue(decl, arg(1)) : U64;
      const map = keyed(base, arg(0), value, entries(10240));
      return map.mapType === MapType.HASH ? { ...map, mapType: MapType.PERCPU_HASH } : map;
    }
    case "Max": case "Min": {
      // A keyless Max may start from a zeroed slot only when no value is below zero: a signed
      // maximum is created with its first value, like every minimum.
      const value = recordedValue(decl, arg(1));
      return keyed(base, arg(0), value, entries(10240), decl.kind === "Min" || value.signed);
    }
    case "Stats": case "Avg": {
      const value = recordedValue(decl, arg(1));
      const stats = makeStruct(value.signed ? "stats_signed" : "stats", [
        { name: "count", type: U64 }, { name: "sum", type: value }, { name: "min", type: value },
        { name: "max", type: value }]);
      return keyed(base, arg(0), stats, entries(10240), true);
    }
    case "Histogram": case "LinearHistogram": {
      const userKey = arg(0);
      if (userKey.kind === "void") {
        return { ...base, mapType: MapType.ARRAY, key: U32, value: U64,
          maxEntries: decl.kind === "Histogram" ? HISTOGRAM_BUCKETS : linearBuckets(decl), userKey };
      }
      // The bucket is a u32 (at most 65 log2 buckets, or the linear ones): beside a u32 key
      // (a pid, a thread) the map key is 8 bytes, as C programs' {tid, slot} keys are, and
      // every lookup hashes half as much as with a u64 bucket.
      const key = makeStruct(`${name}_key`, [{ name: "key", type: userKey },
        { name: "bucket", type: U32 }]);
      return { ...base, mapType: MapType.HASH, key, value: U64, maxEntries: entries(10240), userKey,
        flags: BPF_F_NO_PREALLOC };
    }
    case "StackTraceMap": {
      const depth = typeof decl.options.depth === "number" ? decl.options.depth : 127;
      return { ...base, mapType: MapType.STACK_TRACE, key: U32,
        value: { kind: "array", element: U64, length: depth }, maxEntries: entries(1024) };
    }
  }
}

/**
 * A keyed aggregation is a hash map; a keyless one a single entry at key 0: an array slot when
 * zero is a fine starting value (Count, Sum, an unsigned Max), and a one-entry hash map when the entry must
 * not exist before the first value (Min and Stats keep a minimum, and a zeroed slot would read
 * as a recorded 0).
 */
function keyed(base: { name: string; declaration: MapDeclaration }, userKey: DslType,
  value: DslType, maxEntries: number, createOnFirstValue = false): KernelMap {
  if (userKey.kind === "void") {
    return { ...base, mapType: createOnFirstValue ? MapType.HASH : MapType.ARRAY, key: U32, value,
      maxEntries: 1, userKey };
  }
  return { ...base, mapType: MapType.HASH, key: userKey, value, maxEntries, userKey,
    flags: BPF_F_NO_PREALLOC };
}

/**
 * What Min, Max and Stats keep of each recorded value: 64 bits, signed when the declared value
 * type (`Min<K, V>`, u64 by default) is signed, so that values compare, and decode, as that type
 * does (-5 is below 3 in an i32, above it in a u64).
 */
function recordedValue(decl: MapDeclaration, declared: DslType): IntType {
  if (declared.kind === "void") return U64;
  if (declared.kind !== "int") {
    const at = decl.typeArguments[1]!;
    fail("TSB2103", { ...decl.span, start: at.start, end: at.end }, `${decl.kind} ` +
      `'${decl.variable}' records integers: its value type must be one of u8..u64 or i8..i64, ` +
      `not ${typeName(declared)}`);
  }
  return declared.signed ? I64 : U64;
}

/** Buckets of a linear histogram: below min, each step, and at or above max. */
export function linearBuckets(decl: MapDeclaration): number {
  const { min, max, step } = decl.options;
  if (typeof min !== "number" || typeof max !== "number" || typeof step !== "number" ||
    step <= 0 || max <= min) {
    fail("TSB1004", decl.span, "LinearHistogram needs constant { min, max, step } with max > min " +
      "and step > 0");
  }
  return Math.ceil((max - min) / step) + 2;
}

export function keySize(map: KernelMap): number {
  return sizeOf(map.key);
}
