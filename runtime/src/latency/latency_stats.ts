/**
 * Per-function latency figures derived in userspace from the kernel's log2 histogram of
 * durations (ns): calls, p50, p90, p99 and max.
 *
 * How percentiles are estimated: bucket 0 holds 0 ns and bucket i ≥ 1 holds [2^(i-1), 2^i).
 * The q-quantile's rank is r = ceil(q·n); the bucket where the running count reaches r holds it,
 * and within that bucket the values are taken as evenly spread, so the estimate is
 * lo + (hi − lo)·(r − before)/count. It is always inside the right power-of-two bucket (so at
 * most 2× off, usually much closer). `max` is the top of the highest occupied bucket: an upper
 * bound at most twice the true maximum, and `maxLow` the bottom of that bucket.
 */

/** What one function's histogram says. */
export interface LatencyFigures {
  calls: bigint;
  p50: number;
  p90: number;
  p99: number;
  /** Upper bound of the longest call's bucket (exclusive), ns. */
  max: number;
  /** Lower bound of the longest call's bucket, ns. */
  maxLow: number;
}

/** Bucket `i`'s range [lo, hi) in ns. */
export function bucketRange(i: number): [number, number] {
  if (i === 0) return [0, 1];
  return [2 ** (i - 1), 2 ** i];
}

/** The q-quantile (0 < q ≤ 1) estimated from log2 bucket counts, ns; 0 for no calls. */
export function quantile(buckets: readonly bigint[], q: number): number {
  const n = buckets.reduce((a, b) => a + b, 0n);
  if (n === 0n) return 0;
  const rank = Math.max(1, Math.ceil(q * Number(n)));
  let before = 0;
  for (let i = 0; i < buckets.length; i++) {
    const count = Number(buckets[i] ?? 0n);
    if (count === 0) continue;
    if (before + count >= rank) {
      const [lo, hi] = bucketRange(i);
      return lo + (hi - lo) * (rank - before) / count;
    }
    before += count;
  }
  return 0;
}

/** Calls, percentiles and max of one function's buckets. */
export function latencyFigures(buckets: readonly bigint[]): LatencyFigures {
  const calls = buckets.reduce((a, b) => a + b, 0n);
  let top = -1;
  for (let i = buckets.length - 1; i >= 0; i--) {
    if ((buckets[i] ?? 0n) > 0n) {
      top = i;
      break;
    }
  }
  const [maxLow, max] = top < 0 ? [0, 0] : bucketRange(top);
  return { calls, p50: quantile(buckets, 0.5), p90: quantile(buckets, 0.9), p99: quantile(buckets, 0.99), max, maxLow };
}

/** A duration in ns as text with a unit: 850ns, 12.3µs, 4.56ms, 1.20s. */
export function formatDuration(ns: number): string {
  if (ns < 1_000) return `${Math.round(ns)}ns`;
  if (ns < 1_000_000) return `${(ns / 1_000).toPrecision(3)}µs`;
  if (ns < 1_000_000_000) return `${(ns / 1_000_000).toPrecision(3)}ms`;
  return `${(ns / 1_000_000_000).toPrecision(3)}s`;
}
