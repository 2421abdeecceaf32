/**
 * tracefs: where tracepoint ids and formats come from. The kernel does not mount it on this
 * platform by default; `mountTracefs()` does (root), and errors say how.
 */
import { closeNames } from "../elf/close_names.ts";
import { cString } from "../sys/attr.ts";
import { SyscallError } from "../sys/errors.ts";
import { pathExists, readFileText, readFileTextIfExists } from "../sys/files.ts";
import { TRACEFS_HINT } from "../sys/hints.ts";
import { SYS } from "../sys/numbers.ts";
import { backend } from "../sys/select_backend.ts";

const CANDIDATES = ["/sys/kernel/tracing", "/sys/kernel/debug/tracing"];

/** The tracefs mount point, or undefined when tracefs is not mounted. */
export function findTracefs(): string | undefined {
  return CANDIDATES.find((dir) => pathExists(`${dir}/events/header_page`) ||
    pathExists(`${dir}/available_events`));
}

/** The tracefs mount point; throws with the remedy when tracefs is not mounted. */
export function tracefs(): string {
  const dir = findTracefs();
  if (!dir) {
    throw new TracefsError("tracefs is not mounted, so tracepoints cannot be found", TRACEFS_HINT);
  }
  return dir;
}

/** Mounts tracefs at /sys/kernel/tracing (needs root). No-op when already mounted. */
export function mountTracefs(): string {
  const existing = findTracefs();
  if (existing) return existing;
  const sys = backend();
  const source = cString("tracefs");
  const target = cString("/sys/kernel/tracing");
  try {
    const result = sys.syscall(SYS.mount, source.address, target.address, source.address, 0, 0);
    if (result < 0) throw new SyscallError("mount tracefs at /sys/kernel/tracing", -result);
  } finally {
    sys.free(source);
    sys.free(target);
  }
  return "/sys/kernel/tracing";
}

export class TracefsError extends Error {
  override readonly name = "TracefsError";
  constructor(message: string, readonly hint?: string) {
    super(hint ? `${message} (hint: ${hint})` : message);
  }
}

/** Splits "group:name" or "group/name". */
export function splitTracepoint(spec: string): { group: string; name: string } {
  const m = /^([A-Za-z0-9_.-]+)[:/]([A-Za-z0-9_.-]+)$/.exec(spec);
  if (!m) {
    throw new TracefsError(`'${spec}' is not a tracepoint name`,
      "write it as 'group:name', e.g. 'syscalls:sys_enter_openat'");
  }
  return { group: m[1]!, name: m[2]! };
}

/** The tracepoint's id (perf_event config), with a helpful error when it does not exist. */
export function tracepointId(spec: string): number {
  const { group, name } = splitTracepoint(spec);
  const dir = tracefs();
  const text = readFileTextIfExists(`${dir}/events/${group}/${name}/id`);
  if (text === undefined) {
    throw new TracefsError(`Tracepoint '${group}:${name}' does not exist on this kernel`,
      suggestTracepoints(dir, group, name));
  }
  return Number.parseInt(text.trim(), 10);
}

/** The tracepoint's format file (field names, offsets, sizes, types). */
export function tracepointFormat(spec: string): string {
  const { group, name } = splitTracepoint(spec);
  tracepointId(spec);
  return readFileText(`${tracefs()}/events/${group}/${name}/format`);
}

/** Every "group:name" tracefs knows. */
export function listTracepoints(): string[] {
  return readFileText(`${tracefs()}/available_events`).split("\n").filter(Boolean);
}

function suggestTracepoints(dir: string, group: string, name: string): string {
  const all = (readFileTextIfExists(`${dir}/available_events`) ?? "").split("\n").filter(Boolean);
  const inGroup = all.filter((e) => e.startsWith(`${group}:`));
  if (inGroup.length === 0) {
    return `there is no tracepoint group '${group}'; 'tsbpf list tracepoints' shows them`;
  }
  const close = closeNames(name, inGroup.map((e) => e.slice(group.length + 1)))
    .map((n) => `${group}:${n}`);
  return close.length
    ? `did you mean ${close.map((c) => `'${c}'`).join(", ")}?`
    : `'tsbpf list tracepoints '${group}:*'' shows the ${inGroup.length} in '${group}'`;
}
