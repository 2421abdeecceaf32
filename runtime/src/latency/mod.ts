/**
 * Function latency with uprobes, for `tsbpf latency` and for embedding: find functions by
 * demangled-name globs, attach the ready-made probe to all of them at once, read per-function
 * log2 histograms, derive calls and percentiles, export `function.duration`.
 */
export { demangle, withoutParameters } from "./demangle.ts";
export { globPattern } from "./glob.ts";
export {
  binaryAndLibraries, type CatalogFunction, type CatalogTarget, type CodeModule, mappedExecutables,
  readCatalog, readModule,
} from "./function_catalog.ts";
export { matchFunctions, MAX_FUNCTIONS, type PatternOutcome, type SelectedFunction, type Selection } from "./function_matcher.ts";
export { findInlined, type InlinedFunction } from "./inlined_functions.ts";
export { type Die, DW_TAG, hasDwarf, readDies } from "./dwarf_reader.ts";
import type { FunctionHistogram } from "./latency_session.ts";

export { decodeFunction, decodeInstruction, type Instruction } from "./x86_length.ts";
export { returnSites, type ReturnSites } from "./return_sites.ts";

export {
  type DroppedReturns, type FunctionHistogram, haveUprobeMulti, latencyArtifact, LatencySession,
  type LatencySessionOptions,
} from "./latency_session.ts";
export { bucketRange, formatDuration, latencyFigures, type LatencyFigures, quantile } from "./latency_stats.ts";
export { histogramText, selectionLines, tableLines } from "./latency_report.ts";

/**
 * An OpenTelemetry SDK `MetricProducer` exporting `read()`'s histograms as `function.duration`
 * (see latency_metrics.ts). Loads @opentelemetry/sdk-metrics on first use.
 */
export async function latencyMetricProducer(read: () => readonly FunctionHistogram[]):
  Promise<import("@opentelemetry/sdk-metrics").MetricProducer> {
  const { LatencyMetricProducer } = await import("./latency_metrics.ts");
  return new LatencyMetricProducer(read);
}
