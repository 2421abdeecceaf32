/**
 * The final state of a probe's maps, printed the way bpftrace prints them: `@name[key]: value`
 * lines sorted by value, and histograms as bar charts with bucket ranges.
 *
 *   @latency:
 *   [1K, 2K)             12 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
 */
import type { HistogramSeries, MapSnapshot } from "../decode/map_snapshot.ts";
import { formatValue } from "./format_value.ts";

const BAR_WIDTH = 52;

/** Plain key/value maps usually hold a probe's working state (start times, pending requests). */
const STATE_MAPS = new Set(["HashMap", "LruHashMap", "PerCpuHashMap", "ArrayMap", "PerCpuArrayMap"]);

/**
 * The text report. Aggregations always print; plain maps print only when declared with
 * `{ print: true }`, since they usually hold working state rather than results (JSON output
 * has every map).
 */
export function textReport(snapshots: MapSnapshot[]): string {
  return snapshots.filter((s) => !STATE_MAPS.has(s.map.kind) || s.map.options.print === true)
    .map(textOf).filter((s) => s !== "").join("\n\n");
}

function keyed(name: string, key: unknown): string {
  return key === undefined ? `@${name}` : `@${name}[${formatValue(key as never)}]`;
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === "bigint" && typeof b === "bigint") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

function textOf(s: MapSnapshot): string {
  const name = s.map.variable;
  switch (s.kind) {
    case "stream": return "";
    case "table": {
      const sorted = [...s.entries].sort((a, b) => compareValues(a.value, b.value));
      return sorted.map((e) => `${keyed(name, e.key)}: ${formatValue(e.value)}`).join("\n");
    }
    case "stats":
      return s.entries.map((e) => `${keyed(name, e.key)}: count ${e.count}, average ` +
        `${e.count ? e.sum / e.count : 0n}, total ${e.sum}, min ${e.min}, max ${e.max}`).join("\n");
    case "histogram": {
      const linear = s.map.kind === "LinearHistogram"
        ? s.map.options as { min: number; max: number; step: number } : undefined;
      return s.series.map((series) => `${keyed(name, series.key)}:\n${bars(series, linear)}`)
        .join("\n\n");
    }
  }
}

/** Bucket labels: log2 buckets as bpftrace ([0], [1], [2, 4), [4, 8) …) or linear ranges. */
export function bucketLabel(index: number, linear?: { min: number; max: number; step: number }): string {
  if (linear) {
    const last = Math.ceil((linear.max - linear.min) / linear.step) + 1;
    if (index === 0) return `(..., ${linear.min})`;
    if (index === last) return `[${linear.max}, ...)`;
    const lo = linear.min + (index - 1) * linear.step;
    return `[${lo}, ${Math.min(lo + linear.step, linear.max)})`;
  }
  if (index === 0) return "[0]";
  if (index === 1) return "[1]";
  return `[${human(1n << BigInt(index - 1))}, ${human(1n << BigInt(index))})`;
}

function human(n: bigint): string {
  const units = ["", "K", "M", "G", "T", "P", "E"];
  let i = 0;
  while (n >= 1024n && n % 1024n === 0n && i < units.length - 1) {
    n /= 1024n;
    i++;
  }
  return `${n}${units[i]}`;
}

function bars(series: HistogramSeries, linear?: { min: number; max: number; step: number }): string {
  const buckets = series.buckets;
  let first = buckets.findIndex((b) => b > 0n);
  let last = buckets.length - 1 - [...buckets].reverse().findIndex((b) => b > 0n);
  if (first < 0) return "";
  first = Math.max(0, first);
  last = Math.max(first, last);
  const max = buckets.reduce((m, b) => (b > m ? b : m), 0n);
  const lines: string[] = [];
  for (let i = first; i <= last; i++) {
    const count = buckets[i] ?? 0n;
    const width = max === 0n ? 0 : Number((count * BigInt(BAR_WIDTH)) / max);
    lines.push(`${bucketLabel(i, linear).padEnd(20)}${String(count).padStart(8)} |` +
      `${"@".repeat(width)}${" ".repeat(BAR_WIDTH - width)}|`);
  }
  return lines.join("\n");
}
