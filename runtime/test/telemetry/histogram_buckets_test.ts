import { describe, expect, test } from "bun:test";
import { bucketCounts, highestUsedBucket, kernelBoundaries, kernelBucketCount } from "../../src/telemetry/histogram_buckets.ts";
import { aggregationMap, kernelCounts, linearBucket, log2Bucket, otelCounts } from "./support.ts";

const values = [0n, 1n, 2n, 3n, 4n, 7n, 8n, 9n, 15n, 16n, 100n, 1023n, 1024n, 65535n, 65536n, 1n << 40n,
  (1n << 40n) - 1n, 9_007_199_254_740_991n];

describe("histogram buckets", () => {
  test("log2 boundaries are 2^i - 1, so each OpenTelemetry bucket holds exactly one kernel bucket", () => {
    const map = aggregationMap("Histogram", { name: "h" });
    const bounds = kernelBoundaries(map);
    expect(bounds).toHaveLength(64);
    expect(bounds.slice(0, 5)).toEqual([0, 1, 3, 7, 15]);
    // Each value lands in the OpenTelemetry bucket whose index is its kernel bucket.
    for (const v of values) {
      const j = bounds.findIndex((b) => Number(v) <= b);
      expect(j).toBe(log2Bucket(v));
    }
  });

  test("log2 counts keep the kernel's counts and leave out empty buckets above the highest used", () => {
    const map = aggregationMap("Histogram", { name: "h" });
    const kernel = kernelCounts(values, kernelBucketCount(map), log2Bucket);
    const top = highestUsedBucket(kernel);
    const point = bucketCounts(map, kernel, top);
    expect(point.boundaries).toHaveLength(top + 1);
    expect(point.counts).toHaveLength(top + 2);
    expect(point.counts.at(-1)).toBe(0);
    expect(point.count).toBe(values.length);
    expect(point.counts).toEqual(otelCounts(values, point.boundaries));
  });

  test("a value in the last log2 bucket is counted in +Inf", () => {
    const map = aggregationMap("Histogram", { name: "h" });
    const big = [(1n << 64n) - 1n, 5n];
    const kernel = kernelCounts(big, 65, log2Bucket);
    const point = bucketCounts(map, kernel, highestUsedBucket(kernel));
    expect(point.boundaries).toHaveLength(64);
    expect(point.counts.at(-1)).toBe(1);
    expect(point.count).toBe(2);
  });

  test("linear boundaries are min - 1, then each step's last value, cut at max - 1", () => {
    const map = aggregationMap("LinearHistogram", { name: "l", min: 10, max: 95, step: 20 });
    expect(kernelBucketCount(map)).toBe(7);
    expect(kernelBoundaries(map)).toEqual([9, 29, 49, 69, 89, 94]);
    const sample = [0n, 9n, 10n, 29n, 30n, 89n, 90n, 94n, 95n, 1000n, 50n];
    const kernel = kernelCounts(sample, 7, (v) => linearBucket(v, 10, 95, 20));
    const point = bucketCounts(map, kernel, 0);
    expect(point.counts).toEqual(otelCounts(sample, point.boundaries));
    expect(point.count).toBe(sample.length);
  });
});
