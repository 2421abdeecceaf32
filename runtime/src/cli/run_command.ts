/**
 * `tsbpf run <probe.ts | artifact>`: start the probe, print events (JSON mode) as they arrive,
 * and on Ctrl-C, SIGTERM or --duration detach and print the maps' final state the way bpftrace
 * does (or as JSON lines), then a stats line in JSON mode.
 */
// The pure-JS decoder: the package root also loads a native extension, ~15 ms at startup.
import { decode as decodeCbor } from "cbor-x/decode";
import type { Artifact } from "@ts-bpf/loader";
import { readFileBytes } from "@ts-bpf/loader";
import { Session } from "../session.ts";
import { textReport } from "../output/text_report.ts";
import { jsonLines } from "../output/json_report.ts";
import { toJson } from "../output/format_value.ts";
import { ProbeError } from "../probe_error.ts";
import { type ParsedArgs, flagString } from "./args.ts";
import { prepareTelemetry } from "../telemetry/wiring.ts";
import { stopSignal } from "./stop_signal.ts";

export async function runCommand(args: ParsedArgs, out: (line: string) => void,
  err: (line: string) => void): Promise<number> {
  const target = args.positional[0];
  if (!target) throw new ProbeError("usage", "tsbpf run needs a probe: tsbpf run probe.ts");
  const output = flagString(args, "output") ?? "text";
  if (output !== "text" && output !== "json") {
    throw new ProbeError("usage", `--output must be text or json, not '${output}'`);
  }
  const durationText = flagString(args, "duration");
  const duration = durationText === undefined ? undefined : Number(durationText);
  if (duration !== undefined && !(duration > 0)) {
    throw new ProbeError("usage", `--duration needs a number of seconds, not '${durationText}'`);
  }
  // Listen for Ctrl-C and SIGTERM from the start: a signal during compile or attach must still
  // end in a clean detach, not the default kill.
  const stop = stopSignal();
  const json = output === "json";
  const progress = (line: string) => err(line);
  (globalThis as { tsbpfArgs?: string[] }).tsbpfArgs = args.passthrough;
  const options = {
    progress,
    stats: true,
    tracepointFormats: flagString(args, "tracepoint-formats"),
    btf: flagString(args, "btf"),
    onEvent: json ? (map: string, record: unknown) => out(toJson({ type: "event", map, value: record }))
      : undefined,
  };
  // Exporters exist before the session: the probe's userspace code may use the API's globals.
  const telemetry = await prepareTelemetry(args, err);
  let session: Session;
  try {
    session = target.endsWith(".ts") || target.endsWith(".mts")
      ? await Session.fromSource(target, options)
      : await Session.start(readArtifact(target), options);
  } catch (error) {
    await telemetry?.shutdown();
    throw error;
  }
  // In the same turn as the session's start, so no span record is missed.
  telemetry?.bind(session);
  if (telemetry?.prometheus) {
    err(`serving Prometheus metrics at http://${telemetry.prometheus.host}:${telemetry.prometheus.port}/metrics`);
  }
  err(duration ? `running for ${duration} s` : "running; Ctrl-C to stop");
  await stop.wait(duration);
  // Detach first, so the final state is one consistent moment.
  session.detach();
  const snapshots = session.snapshots();
  const stats = session.stats();
  // The final export reports this state, and the spans of records drained while closing.
  telemetry?.finish();
  await session.close();
  await telemetry?.shutdown();
  if (json) {
    for (const line of jsonLines(snapshots)) out(line);
    out(toJson({ type: "stats", events: stats.events, lost: stats.lost, programs: stats.programs,
      ...(stats.uncounted.length ? { uncounted: stats.uncounted } : {}) }));
  } else {
    const report = textReport(snapshots);
    if (report) out(`\n${report}`);
    if (stats.lost > 0n) err(`lost ${stats.lost} records (ring buffer full)`);
    for (const ring of stats.uncounted) err(`'${ring}' does not count lost records (countLost: false)`);
  }
  return 0;
}

export function readArtifact(path: string): Artifact {
  let artifact: Artifact;
  try {
    artifact = decodeCbor(readFileBytes(path)) as Artifact;
  } catch (error) {
    throw new ProbeError("load", `Cannot read artifact '${path}': ${(error as Error).message} ` +
      "(hint: run a probe .ts, or an artifact made by 'tsbpf build')");
  }
  if (artifact?.version !== 1 || !(artifact.object instanceof Uint8Array)) {
    throw new ProbeError("load", `'${path}' is not a tsbpf artifact (version ${artifact?.version})` +
      " (hint: rebuild it with this tsbpf's 'tsbpf build')");
  }
  return artifact;
}
