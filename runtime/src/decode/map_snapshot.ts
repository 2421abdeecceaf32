/**
 * Reads a live map and turns it into what the probe declared: tables for maps and counters,
 * per-key bucket counts for histograms (hiding the bucket the kernel keys by), and count / sum /
 * min / max / average for stats. Everything downstream (text, JSON, OpenTelemetry) works from
 * these snapshots.
 */
import type { ArtifactMap, BpfMap } from "@ts-bpf/loader";
import { type DecodedValue, decodeValue } from "./value_codec.ts";

export interface TableEntry {
  key: DecodedValue;
  value: DecodedValue;
}

export interface HistogramSeries {
  key: DecodedValue;
  /** Count per bucket, index as the kernel numbers them. */
  buckets: bigint[];
}

export interface StatsEntry {
  key: DecodedValue;
  count: bigint;
  sum: bigint;
  min: bigint;
  max: bigint;
}

export type MapSnapshot =
  | { kind: "table"; map: ArtifactMap; entries: TableEntry[] }
  | { kind: "histogram"; map: ArtifactMap; series: HistogramSeries[] }
  | { kind: "stats"; map: ArtifactMap; entries: StatsEntry[] }
  | { kind: "stream"; map: ArtifactMap };

const HISTOGRAM_KINDS = new Set(["Histogram", "LinearHistogram"]);
const STATS_KINDS = new Set(["Stats", "Avg"]);

/** Buckets of a keyed histogram: 65 log2 buckets, or a linear histogram's own count. */
function bucketCount(map: ArtifactMap): number {
  if (map.kind !== "LinearHistogram") return 65;
  const { min, max, step } = map.options as { min: number; max: number; step: number };
  return Math.ceil((max - min) / step) + 2;
}

/** Sums per-CPU slots of a u64 value (maps read from per-CPU arrays). */
function sumU64(bytes: Uint8Array, cpus: number): bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0n;
  for (let i = 0; i < cpus; i++) total += view.getBigUint64(i * 8, true);
  return total;
}

export function snapshot(map: ArtifactMap, live: BpfMap): MapSnapshot {
  if (map.kind === "RingBuf" || map.kind === "SpanStream" || map.kind === "PerfEventArray" ||
    map.kind === "StackTraceMap") {
    return { kind: "stream", map };
  }
  const entries = live.lookupAll();
  const userKey = map.userKey;
  const voidKey = !userKey || userKey.kind === "void";
  if (HISTOGRAM_KINDS.has(map.kind)) {
    if (voidKey) {
      const buckets = new Array<bigint>(map.maxEntries).fill(0n);
      for (const [k, v] of entries) {
        const index = new DataView(k.buffer, k.byteOffset).getUint32(0, true);
        buckets[index] = new DataView(v.buffer, v.byteOffset).getBigUint64(0, true);
      }
      return { kind: "histogram", map, series: buckets.some((b) => b > 0n) ? [{ key: undefined, buckets }] : [] };
    }
    const bySeries = new Map<string, HistogramSeries>();
    for (const [k, v] of entries) {
      const decoded = decodeValue(map.key, k) as { key: DecodedValue; bucket: bigint };
      const id = JSON.stringify(decoded.key, (_n, x) => typeof x === "bigint" ? `${x}n` : x);
      let series = bySeries.get(id);
      if (!series) {
        series = { key: decoded.key, buckets: new Array<bigint>(bucketCount(map)).fill(0n) };
        bySeries.set(id, series);
      }
      series.buckets[Number(decoded.bucket)] = new DataView(v.buffer, v.byteOffset).getBigUint64(0, true);
    }
    return { kind: "histogram", map, series: [...bySeries.values()] };
  }
  if (STATS_KINDS.has(map.kind)) {
    return { kind: "stats", map, entries: entries.map(([k, v]) => {
      const s = decodeValue(map.value, v) as { count: bigint; sum: bigint; min: bigint; max: bigint };
      return { key: voidKey ? undefined : decodeValue(map.key, k), ...s };
    }).filter((e) => e.count > 0n) };
  }
  if (live.perCpu) {
    return { kind: "table", map, entries: entries.map(([k, v]) => ({
      key: decodeValue(map.key, k),
      // A signed sum (Sum<K, i64>) adds the CPUs' two's complement values and reads the
      // 64-bit total as signed, as the kernel would have.
      value: map.value.kind === "int" && map.value.bits === 64
        ? (map.value.signed ? BigInt.asIntN(64, sumU64(v, v.length / 8)) : sumU64(v, v.length / 8))
        : decodeValue(map.value, v),
    })) };
  }
  return { kind: "table", map, entries: entries.map(([k, v]) => ({
    key: voidKey && map.kind !== "HashMap" && map.kind !== "ArrayMap" ? undefined : decodeValue(map.key, k),
    value: decodeValue(map.value, v),
  })) };
}

/** Records a ring buffer's program could not write (buffer full), from its hidden counter. */
export function droppedRecords(drops: BpfMap): bigint {
  let total = 0n;
  for (const [, v] of drops.lookupAll()) total += sumU64(v, v.length / 8);
  return total;
}
