/**
 * Chooses the syscall backend for the runtime this code runs in, once, at start.
 * Tests may replace it with a fake through `setBackend`.
 */
import type { SyscallBackend } from "./backend.ts";

declare const Bun: unknown;
declare const Deno: unknown;

async function detectBackend(): Promise<SyscallBackend> {
  if (typeof Bun !== "undefined") return (await import("./ffi/bun.ts")).createBunBackend();
  if (typeof Deno !== "undefined") return (await import("./ffi/deno.ts")).createDenoBackend();
  return (await import("./ffi/node.ts")).createNodeBackend();
}

let current: SyscallBackend | undefined;
let detectionError: unknown;
try {
  current = await detectBackend();
} catch (error) {
  detectionError = error;
}

/** The backend every syscall goes through. */
export function backend(): SyscallBackend {
  if (current) return current;
  throw detectionError instanceof Error ? detectionError : new Error(String(detectionError));
}

/** Replaces the backend (unit tests use a fake); returns the previous one. */
export function setBackend(next: SyscallBackend): SyscallBackend | undefined {
  const previous = current;
  current = next;
  return previous;
}
