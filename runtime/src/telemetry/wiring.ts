/**
 * Wires OpenTelemetry for `tsbpf run` from flags and OTEL_* variables. The full exporters
 * (OTLP, Prometheus, console) are being built; until then only `--otlp`/`--prometheus` are
 * refused with a clear message and no telemetry runs.
 */
import type { Session } from "../session.ts";
import type { ParsedArgs } from "../cli/args.ts";
import { ProbeError } from "../probe_error.ts";

export interface Telemetry {
  shutdown(): Promise<void>;
}

export function startTelemetry(_session: Session, args: ParsedArgs, _err: (line: string) => void):
  Promise<Telemetry | undefined> {
  if (args.flags.has("otlp") || args.flags.has("prometheus")) {
    throw new ProbeError("usage", "OpenTelemetry export is not finished yet: --otlp and " +
      "--prometheus are not available in this build");
  }
  return Promise.resolve(undefined);
}
