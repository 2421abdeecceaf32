/**
 * What `tsbpf latency` prints: the selection (what matched, what did not and why) before
 * attaching, a live per-function table (calls, p50, p90, p99, max), and at the end a log2
 * histogram per function the way bpftrace prints `hist()`.
 */
import type { ArtifactMap } from "@ts-bpf/loader";
import { textReport } from "../output/text_report.ts";
import { moduleName } from "./function_catalog.ts";
import type { Selection } from "./function_matcher.ts";
import type { DroppedReturns, FunctionHistogram } from "./latency_session.ts";
import { formatDuration, latencyFigures } from "./latency_stats.ts";

/** Functions listed by name before attaching; past this, only a count. */
const LISTED = 40;

/** The selection, pattern by pattern; `atReturns` leaves out the uretprobe warnings. */
export function selectionLines(selection: Selection, atReturns = false): string[] {
  const lines: string[] = [];
  for (const p of selection.patterns) {
    lines.push(`'${p.pattern}': ${p.matched === 0 ? "nothing to probe" : `${p.matched} function${p.matched === 1 ? "" : "s"}`}`);
    for (const note of p.notes) lines.push(`  ${note}`);
  }
  const shown = selection.functions.slice(0, LISTED);
  for (const f of shown) lines.push(`  ${f.name}  (${moduleName(f.fn.module)} 0x${f.fn.address.toString(16)})`);
  if (selection.functions.length > shown.length) {
    lines.push(`  … and ${selection.functions.length - shown.length} more`);
  }
  if (!atReturns) lines.push(...selection.warnings);
  return lines;
}

/** The table of called functions, most called first. */
export function tableLines(histograms: readonly FunctionHistogram[], dropped?: DroppedReturns): string[] {
  const rows = histograms.map((h) => ({ name: h.function.name, ...latencyFigures(h.buckets) }))
    .filter((r) => r.calls > 0n)
    .sort((a, b) => (b.calls > a.calls ? 1 : b.calls < a.calls ? -1 : a.name < b.name ? -1 : 1));
  const width = Math.min(60, Math.max(8, ...rows.map((r) => r.name.length)));
  const cut = (name: string) => name.length > width ? `${name.slice(0, width - 1)}…` : name;
  const lines = [`${"FUNCTION".padEnd(width)} ${"CALLS".padStart(10)} ${"P50".padStart(9)} ${"P90".padStart(9)} ` +
    `${"P99".padStart(9)} ${"MAX".padStart(10)}`];
  for (const r of rows) {
    lines.push(`${cut(r.name).padEnd(width)} ${String(r.calls).padStart(10)} ${formatDuration(r.p50).padStart(9)} ` +
      `${formatDuration(r.p90).padStart(9)} ${formatDuration(r.p99).padStart(9)} ${`<${formatDuration(r.max)}`.padStart(10)}`);
  }
  const idle = histograms.length - rows.length;
  if (idle > 0) lines.push(`(${idle} probed function${idle === 1 ? "" : "s"} not called yet)`);
  if (dropped) {
    const total = dropped.noEntry + dropped.otherFunction + dropped.tooDeep;
    if (total > 0n) {
      lines.push(`dropped: ${dropped.noEntry} returns without an entry (attached mid-call), ` +
        `${dropped.otherFunction} calls unwound without returning (exceptions, longjmp), ` +
        `${dropped.tooDeep} returns deeper than 32`);
    }
  }
  return lines;
}

/** bpftrace-style log2 histograms of duration in ns, one per called function. */
export function histogramText(histograms: readonly FunctionHistogram[]): string {
  const map = { variable: "ns", kind: "Histogram", options: {} } as unknown as ArtifactMap;
  const series = histograms.filter((h) => h.buckets.some((b) => b > 0n))
    .map((h) => ({ key: h.function.name, buckets: h.buckets }));
  return series.length ? textReport([{ kind: "histogram", map, series }]) : "";
}
