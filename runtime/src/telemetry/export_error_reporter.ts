/**
 * Export failures reported without flooding stderr or stopping the run: the first failure is
 * printed at once, later ones within the same interval are only counted and summed into the next
 * line, so an unreachable collector costs at most one line per export interval. The SDK reports
 * failures through the global error handler and its diagnostic logger (warnings and errors); both
 * are routed here while telemetry runs. Retrying, with bounded memory, is the SDK exporters' job
 * (a few attempts with backoff within the export timeout, a bounded number of concurrent
 * exports, a bounded span queue); nothing here holds data.
 */
import { type DiagLogger, diag, DiagLogLevel } from "@opentelemetry/api";
import { loggingErrorHandler, setGlobalErrorHandler } from "@opentelemetry/core";

export class ExportErrorReporter {
  readonly #intervalMs: number;
  readonly #write: (line: string) => void;
  readonly #now: () => number;
  #lastPrinted = -Infinity;
  #suppressed = 0;
  #total = 0;

  /**
   * @param intervalMs at most one line per this many ms (the export interval).
   * @param write where lines go (stderr).
   * @param now a clock, replaceable in tests.
   */
  constructor(intervalMs: number, write: (line: string) => void, now: () => number = Date.now) {
    this.#intervalMs = intervalMs;
    this.#write = write;
    this.#now = now;
  }

  /** Failures seen so far, printed or not. */
  get failures(): number {
    return this.#total;
  }

  /** Records one failure; prints it unless a line was printed less than an interval ago. */
  report(failure: unknown): void {
    this.#total++;
    const now = this.#now();
    if (now - this.#lastPrinted < this.#intervalMs) {
      this.#suppressed++;
      return;
    }
    const more = this.#suppressed ? ` (and ${this.#suppressed} more since the last report)` : "";
    this.#suppressed = 0;
    this.#lastPrinted = now;
    this.#write(`tsbpf: telemetry: ${describe(failure)}${more}`);
  }

  /** Prints how many failures were held back since the last line, if any. */
  flush(): void {
    if (this.#suppressed === 0) return;
    this.#write(`tsbpf: telemetry: ${this.#suppressed} more failure` +
      `${this.#suppressed === 1 ? "" : "s"} since the last report`);
    this.#suppressed = 0;
  }

  /** Routes the SDK's global error handler and its warnings and errors here; returns the undo. */
  install(): () => void {
    setGlobalErrorHandler((error) => this.report(error));
    const report = (message: string, ...args: unknown[]) => this.report([message, ...args]);
    const quiet = () => {};
    const logger: DiagLogger = { error: report, warn: report, info: quiet, debug: quiet, verbose: quiet };
    diag.setLogger(logger, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
    return () => {
      diag.disable();
      setGlobalErrorHandler(loggingErrorHandler());
    };
  }
}

/** One line of text for an error, a string, or a diagnostic message with arguments. */
function describe(failure: unknown): string {
  const parts = Array.isArray(failure) ? failure : [failure];
  const text = parts.map((p) => p instanceof Error ? errorText(p) : typeof p === "string" ? p : safeJson(p))
    .filter((s) => s !== "").join(" ");
  // The SDK's wording, shortened: "PeriodicExportingMetricReader: metrics export failed (error
  // Error: connect ECONNREFUSED …)" becomes "metrics export failed: connect ECONNREFUSED …".
  const line = text.replace(/\s+/g, " ").trim().replace(/^[A-Za-z]+(Reader|Processor|Exporter): /, "")
    .replace(/ \(error (?:[A-Za-z]*Error: )?(.*)\)$/, ": $1");
  return line.length > 300 ? `${line.slice(0, 297)}...` : line || "unknown error";
}

function errorText(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return code !== undefined && !error.message.includes(String(code)) ? `${error.message} (${code})` : error.message;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
