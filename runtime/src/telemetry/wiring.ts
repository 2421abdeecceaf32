/**
 * Wires OpenTelemetry for `tsbpf run`: reads the flags and OTEL_* variables (export_config.ts)
 * and, only when an exporter is asked for, loads the SDK (sdk_pipeline.ts), so a plain run pays
 * nothing for it. Call `prepareTelemetry` before starting the session (the probe's userspace
 * code may use the API's global providers), then `bind` the session as soon as it started.
 */
import { basename } from "node:path";
import type { ParsedArgs } from "../cli/args.ts";
import { flagString } from "../cli/args.ts";
import { exportConfig } from "./export_config.ts";
import type { Telemetry } from "./sdk_pipeline.ts";

export type { Telemetry } from "./sdk_pipeline.ts";

/** The telemetry `args` and `env` ask for, started; undefined when none is. */
export async function prepareTelemetry(args: ParsedArgs, err: (line: string) => void,
  env: Record<string, string | undefined> = process.env): Promise<Telemetry | undefined> {
  const config = exportConfig({
    otlp: flagString(args, "otlp"),
    prometheus: flagString(args, "prometheus"),
    console: args.flags.has("console"),
  }, env);
  if (!config) return undefined;
  const { startPipeline } = await import("./sdk_pipeline.ts");
  return startPipeline(config, { probe: basename(args.positional[0] ?? "probe"), err });
}
