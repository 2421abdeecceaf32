/**
 * `tsbpf latency <binary | --pid N> <pattern>...`: how long functions of a compiled program
 * take, without touching its code. Lists what the patterns matched (and what not, and why),
 * attaches the ready-made function-latency probe to all of it, prints a live per-function table
 * every --interval seconds, and on Ctrl-C, SIGTERM, --duration or the process's exit detaches
 * and prints a log2 histogram per function. With --otlp, --prometheus or --console the same
 * data goes out as the OpenTelemetry histogram `function.duration`. --at-returns probes return
 * instructions instead of uretprobes where a function's every exit is a `ret`.
 */
import { existsSync } from "node:fs";
import { readCatalog } from "../latency/function_catalog.ts";
import { matchFunctions } from "../latency/function_matcher.ts";
import { histogramText, selectionLines, tableLines } from "../latency/latency_report.ts";
import { LatencySession } from "../latency/latency_session.ts";
import { ProbeError } from "../probe_error.ts";
import { prepareTelemetry } from "../telemetry/wiring.ts";
import { flagString, type ParsedArgs } from "./args.ts";
import { stopSignal } from "./stop_signal.ts";

export const LATENCY_USAGE = `  latency <binary | --pid N> <pattern>... [--duration S] [--interval S] [--at-returns]
      [--otlp URL] [--prometheus [HOST:]PORT] [--console]
                                          time functions with uprobes; patterns are globs over
                                          demangled names ('myapp::parser::*', 'handle_*');
                                          --at-returns probes return instructions instead of
                                          uretprobes, so C++ exceptions and Rust panics can
                                          unwind through probed functions`;

export async function latencyCommand(args: ParsedArgs, out: (line: string) => void,
  err: (line: string) => void): Promise<number> {
  const pid = numberFlag(args, "pid", true);
  const duration = numberFlag(args, "duration");
  const interval = numberFlag(args, "interval") ?? 1;
  const positional = [...args.positional];
  let binary: string | undefined;
  if (pid === undefined || (positional[0]?.includes("/") && existsSync(positional[0]))) binary = positional.shift();
  if ((binary === undefined && pid === undefined) || positional.length === 0) {
    throw new ProbeError("usage", "tsbpf latency needs a binary or --pid N, and at least one pattern: " +
      "tsbpf latency ./myapp 'myapp::parser::*'");
  }
  const stop = stopSignal(pid);
  const modules = readCatalog(binary !== undefined ? { binary } : { pid: pid! });
  const selection = matchFunctions(modules, positional);
  const atReturns = args.flags.has("at-returns");
  for (const line of selectionLines(selection, atReturns)) err(line);
  if (selection.functions.length === 0) {
    err("tsbpf: nothing to probe");
    return 1;
  }
  const telemetry = await prepareTelemetry(args, err);
  let session: LatencySession;
  try {
    session = LatencySession.start(selection.functions, { pid, progress: err, atReturns });
  } catch (error) {
    await telemetry?.shutdown();
    throw error;
  }
  try {
    for (const u of session.uretprobed) {
      err(`${u.function.name} keeps a uretprobe: ${u.reason}` +
        (u.function.fn.module.unwinds ? " (an exception unwinding through it aborts the program)" : ""));
    }
    if (telemetry) {
      // Only now: the SDK is loaded when an exporter was asked for, never for a plain run.
      const { LatencyMetricProducer } = await import("../latency/latency_metrics.ts");
      telemetry.bindProducer(new LatencyMetricProducer(() => session.histograms()));
    }
    err(duration ? `running for ${duration} s` : "running; Ctrl-C to stop");
    let last = "";
    const timer = setInterval(() => {
      const text = tableLines(session.histograms(), session.dropped()).join("\n");
      if (text !== last) out(`\n${text}`);
      last = text;
    }, interval * 1000);
    await stop.wait(duration);
    clearInterval(timer);
    session.detach();
    out(`\n${tableLines(session.histograms(), session.dropped()).join("\n")}`);
    const hist = histogramText(session.histograms());
    if (hist) out(`\n${hist}`);
    await telemetry?.shutdown();
  } finally {
    session.close();
  }
  return 0;
}

function numberFlag(args: ParsedArgs, name: string, integer = false): number | undefined {
  const text = flagString(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!(value > 0) || (integer && !Number.isInteger(value))) {
    throw new ProbeError("usage", `--${name} needs a positive ${integer ? "integer" : "number"}, not '${text}'`);
  }
  return value;
}
