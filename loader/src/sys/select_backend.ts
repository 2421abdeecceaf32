/**
 * Chooses the syscall backend for the runtime this code runs in, on first use.
 * Tests may replace it with a fake through `setBackend`.
 *
 * Why synchronous: a top-level await here made every module that reaches the kernel an async
 * module, which bundlers (the CLI's prebuilt bundle, the Node bundles) turn into a chain of
 * async initialisers; each adapter now loads its FFI only when it is created.
 */
import type { SyscallBackend } from "./backend.ts";
import { createBunBackend } from "./ffi/bun.ts";
import { createDenoBackend } from "./ffi/deno.ts";
import { createNodeBackend } from "./ffi/node.ts";

declare const Bun: unknown;
declare const Deno: unknown;

function detectBackend(): SyscallBackend {
  if (typeof Bun !== "undefined") return createBunBackend();
  if (typeof Deno !== "undefined") return createDenoBackend();
  return createNodeBackend();
}

let current: SyscallBackend | undefined;
let detectionError: unknown;

/** The backend every syscall goes through. */
export function backend(): SyscallBackend {
  if (current) return current;
  if (detectionError === undefined) {
    try {
      current = detectBackend();
      return current;
    } catch (error) {
      detectionError = error;
    }
  }
  throw detectionError instanceof Error ? detectionError : new Error(String(detectionError));
}

/** Replaces the backend (unit tests use a fake); returns the previous one. */
export function setBackend(next: SyscallBackend): SyscallBackend | undefined {
  const previous = current;
  current = next;
  return previous;
}
