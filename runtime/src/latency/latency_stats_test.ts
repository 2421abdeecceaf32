import { describe, expect, test } from "bun:test";
import { bucketRange, formatDuration, latencyFigures, quantile } from "./latency_stats.ts";

function buckets(counts: Record<number, number>): bigint[] {
  const out = new Array<bigint>(65).fill(0n);
  for (const [i, c] of Object.entries(counts)) out[Number(i)] = BigInt(c);
  return out;
}

describe("latency figures from log2 buckets", () => {
  test("bucket i holds [2^(i-1), 2^i)", () => {
    expect(bucketRange(0)).toEqual([0, 1]);
    expect(bucketRange(1)).toEqual([1, 2]);
    expect(bucketRange(11)).toEqual([1024, 2048]);
  });
  test("a quantile interpolates inside the bucket that holds its rank", () => {
    // 100 calls in [1024, 2048): the median is half-way through it.
    expect(quantile(buckets({ 11: 100 }), 0.5)).toBe(1536);
    // 90 fast calls and 10 slow ones: p50 among the fast, p99 among the slow.
    const b = buckets({ 5: 90, 20: 10 });
    expect(quantile(b, 0.5)).toBeLessThan(32);
    expect(quantile(b, 0.99)).toBeGreaterThanOrEqual(2 ** 19);
    expect(quantile(buckets({}), 0.5)).toBe(0);
  });
  test("calls are the bucket total and max is the top of the highest bucket", () => {
    const f = latencyFigures(buckets({ 5: 90, 20: 10 }));
    expect(f.calls).toBe(100n);
    expect(f.max).toBe(2 ** 20);
    expect(f.maxLow).toBe(2 ** 19);
  });
  test("durations print with a unit", () => {
    expect(formatDuration(850)).toBe("850ns");
    expect(formatDuration(12_300)).toBe("12.3µs");
    expect(formatDuration(4_560_000)).toBe("4.56ms");
  });
});
