/**
 * Kernel histogram buckets as OpenTelemetry explicit bucket boundaries.
 *
 * OpenTelemetry buckets are (previous bound, bound], upper bound inclusive, with a last bucket
 * up to +Inf. The kernel counts integers, so a kernel bucket [lo, hi) is exactly the
 * OpenTelemetry bucket (lo - 1, hi - 1]; the boundaries below are those `hi - 1` values, and
 * the bucket counts are the kernel's own, unchanged:
 * - log2 (`Histogram`): bucket 0 holds 0, bucket i ≥ 1 holds [2^(i-1), 2^i): boundaries
 *   0, 1, 3, 7, …, 2^i - 1. Empty buckets above the highest used one are left out (their
 *   count, zero, is in the +Inf bucket), so a metric does not carry 65 buckets per series.
 *   Boundaries above 2^53 are the nearest doubles (2^i).
 * - linear (`LinearHistogram` {min, max, step}): bucket 0 holds values below min, bucket k
 *   holds [min + (k-1)·step, min + k·step) cut at max, the last values at or above max:
 *   boundaries min - 1, min + step - 1, …, max - 1.
 */
import type { ArtifactMap } from "@ts-bpf/loader";

/** Buckets of a log2 histogram in the kernel: 0, then one per bit of a u64. */
export const LOG2_BUCKETS = 65;

/** A histogram data point's distribution, in the SDK's shape. */
export interface BucketCounts {
  boundaries: number[];
  counts: number[];
  count: number;
}

/** How many buckets the kernel keeps for `map` (a Histogram or LinearHistogram). */
export function kernelBucketCount(map: ArtifactMap): number {
  if (map.kind !== "LinearHistogram") return LOG2_BUCKETS;
  const { min, max, step } = linearOptions(map);
  return Math.ceil((max - min) / step) + 2;
}

/** The boundaries of every kernel bucket but the last (which reaches +Inf). */
export function kernelBoundaries(map: ArtifactMap): number[] {
  const n = kernelBucketCount(map);
  if (map.kind !== "LinearHistogram") {
    return Array.from({ length: n - 1 }, (_, i) => Number((1n << BigInt(i)) - 1n));
  }
  const { min, max, step } = linearOptions(map);
  return Array.from({ length: n - 1 }, (_, k) => k === 0 ? min - 1 : Math.min(min + k * step, max) - 1);
}

/** The highest bucket index with a count, or -1. */
export function highestUsedBucket(buckets: readonly bigint[]): number {
  for (let i = buckets.length - 1; i >= 0; i--) if ((buckets[i] ?? 0n) > 0n) return i;
  return -1;
}

/**
 * One series' kernel bucket counts as an explicit-bucket distribution. For log2 histograms,
 * `through` is the highest bucket to keep (the highest used one across the metric's series, so
 * they share boundaries); linear histograms keep every bucket.
 */
export function bucketCounts(map: ArtifactMap, buckets: readonly bigint[], through: number): BucketCounts {
  const all = kernelBoundaries(map);
  const keep = map.kind === "LinearHistogram" ? all.length : Math.min(Math.max(through, 0) + 1, all.length);
  const boundaries = all.slice(0, keep);
  const counts: number[] = [];
  let rest = 0n;
  let total = 0n;
  const n = kernelBucketCount(map);
  for (let i = 0; i < n; i++) {
    const c = buckets[i] ?? 0n;
    total += c;
    if (i < keep) counts.push(Number(c));
    else rest += c;
  }
  counts.push(Number(rest));
  return { boundaries, counts, count: Number(total) };
}

function linearOptions(map: ArtifactMap): { min: number; max: number; step: number } {
  const { min, max, step } = map.options;
  if (typeof min !== "number" || typeof max !== "number" || typeof step !== "number" || step <= 0) {
    throw new Error(`LinearHistogram '${map.variable}' has no numeric { min, max, step } options`);
  }
  return { min, max, step };
}
