/**
 * Test support for the telemetry suite: artifact maps and snapshots made by hand, for the tests
 * that need no kernel, and bpftrace's log2/linear bucket rules written out independently of the
 * compiler, as the oracle a value's bucket is checked against.
 */
import type { ArtifactMap, MapKindName, TypeLayout } from "@ts-bpf/loader";

export const U32: TypeLayout = { kind: "int", bits: 32, signed: false, name: "u32" };
export const U64: TypeLayout = { kind: "int", bits: 64, signed: false, name: "u64" };
export const VOID: TypeLayout = { kind: "void" };

/** An aggregation map as the compiler would describe it (layout details the tests do not read). */
export function aggregationMap(kind: MapKindName, options: ArtifactMap["options"], userKey: TypeLayout = U32,
  variable = "m"): ArtifactMap {
  return { name: variable, variable, kind, mapType: 1, maxEntries: 10240, key: userKey, value: U64, userKey, options };
}

/** The kernel's log2 bucket of v: 0 for 0, else the bit length of v. */
export function log2Bucket(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/** The kernel's linear bucket of v: 0 below min, the last at or above max, else 1 + (v - min) / step. */
export function linearBucket(v: bigint, min: number, max: number, step: number): number {
  const last = Math.ceil((max - min) / step) + 1;
  if (v < BigInt(min)) return 0;
  if (v >= BigInt(max)) return last;
  return 1 + Number((v - BigInt(min)) / BigInt(step));
}

/** Kernel bucket counts for `values` under `bucketOf`, `n` buckets. */
export function kernelCounts(values: bigint[], n: number, bucketOf: (v: bigint) => number): bigint[] {
  const out = new Array<bigint>(n).fill(0n);
  for (const v of values) out[bucketOf(v)]! += 1n;
  return out;
}

/** How many of `values` fall in each OpenTelemetry bucket (previous bound, bound], then +Inf. */
export function otelCounts(values: bigint[], boundaries: number[]): number[] {
  const out = new Array<number>(boundaries.length + 1).fill(0);
  for (const v of values) {
    const x = Number(v);
    let j = boundaries.findIndex((b) => x <= b);
    if (j < 0) j = boundaries.length;
    out[j]!++;
  }
  return out;
}
