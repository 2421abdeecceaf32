/**
 * Counts this process's open file descriptors, so error-path tests can check that a failed
 * attach left nothing open. Test support only.
 */
import { readdirSync } from "node:fs";

/** The number of entries in /proc/self/fd. */
export function openFdCount(): number {
  return readdirSync("/proc/self/fd").length;
}

/** The fd numbers open now that were not in `before`. */
export function fdsOpenedSince(before: readonly string[]): string[] {
  const known = new Set(before);
  return readdirSync("/proc/self/fd").filter((fd) => !known.has(fd));
}

/** The fd numbers open now. */
export function openFds(): string[] {
  return readdirSync("/proc/self/fd");
}
