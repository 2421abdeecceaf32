/**
 * Who a traced process is, read from /proc once per process and cached: its `service.name` by
 * OBI's precedence (the process's own OTEL_SERVICE_NAME, then `service.name` in its
 * OTEL_RESOURCE_ATTRIBUTES, then its executable's base name), `service.namespace` from
 * OTEL_RESOURCE_ATTRIBUTES, and its executable's path (for `--exe` filters). A process that is
 * already gone falls back to "unknown_service:pid".
 */
import { readFileSync, readlinkSync } from "node:fs";
import { basename } from "node:path";

export interface ProcessIdentity {
  pid: number;
  serviceName: string;
  serviceNamespace: string;
  exe: string;
}

/** Reads a process's identity (no cache; see IdentityCache). */
export function readIdentity(pid: number, proc = "/proc"): ProcessIdentity {
  let exe = "";
  try {
    exe = readlinkSync(`${proc}/${pid}/exe`).replace(/ \(deleted\)$/, "");
  } catch {
    // Gone, or a kernel thread.
  }
  let env = new Map<string, string>();
  try {
    env = parseEnviron(readFileSync(`${proc}/${pid}/environ`, "latin1"));
  } catch {
    // Gone.
  }
  const resource = parseResourceAttributes(env.get("OTEL_RESOURCE_ATTRIBUTES") ?? "");
  const serviceName = env.get("OTEL_SERVICE_NAME")?.trim() || resource.get("service.name") ||
    (exe ? basename(exe) : `unknown_service:${pid}`);
  return { pid, serviceName, serviceNamespace: resource.get("service.namespace") ?? "", exe };
}

/** NUL-separated NAME=value pairs. */
export function parseEnviron(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of text.split("\0")) {
    const eq = entry.indexOf("=");
    if (eq > 0) out.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return out;
}

/** `key=value,key2=value2` with percent-escapes, as OTEL_RESOURCE_ATTRIBUTES is written. */
export function parseResourceAttributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of text.split(",")) {
    const eq = pair.indexOf("=");
    if (eq <= 0) continue;
    try {
      out.set(decodeURIComponent(pair.slice(0, eq).trim()), decodeURIComponent(pair.slice(eq + 1).trim()));
    } catch {
      // A malformed escape: skip the pair, as the SDK does.
    }
  }
  return out;
}

/** Identities by pid, read on first sight. */
export class IdentityCache {
  readonly #cache = new Map<number, ProcessIdentity>();

  get(pid: number): ProcessIdentity {
    let identity = this.#cache.get(pid);
    if (!identity) {
      identity = readIdentity(pid);
      this.#cache.set(pid, identity);
    }
    return identity;
  }

  /** Forget a process (its pid may be reused). */
  forget(pid: number): void {
    this.#cache.delete(pid);
  }
}
