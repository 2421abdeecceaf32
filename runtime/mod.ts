/**
 * @ts-bpf/runtime — run probes written in TypeScript: compile (or read an artifact), load,
 * attach, decode what they record, export it to OpenTelemetry, and print it like bpftrace.
 *
 * Embedding:
 * ```ts
 * import { load } from "@ts-bpf/runtime";
 * await using probe = await load("probes/count_opens.ts");
 * probe.on("events", (e) => console.log(e));
 * console.log(probe.snapshots());
 * ```
 */
import type { Artifact } from "@ts-bpf/loader";
import { Session, type SessionOptions } from "./src/session.ts";

export { Session, type SessionOptions, type SessionStats } from "./src/session.ts";
export { type DecodedValue, decodeValue, encodeValue } from "./src/decode/value_codec.ts";
export { type MapSnapshot, snapshot } from "./src/decode/map_snapshot.ts";
export { textReport } from "./src/output/text_report.ts";
export { jsonLines } from "./src/output/json_report.ts";
export { ProbeError } from "./src/probe_error.ts";

/**
 * Loads a probe (a .ts file, compiled now) or a compiled artifact, attached and running, with
 * its userspace code bound to the live maps. Close it (or `await using`) to detach.
 */
export function load(probe: string | Artifact, options: SessionOptions = {}): Promise<Session> {
  return typeof probe === "string" ? Session.fromSource(probe, options) : Session.start(probe, options);
}
