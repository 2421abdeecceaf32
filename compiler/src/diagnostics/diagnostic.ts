/**
 * Diagnostics are data: a stable code, the source span, a message and an optional hint.
 * `compile()` returns them; `render` prints them with the source line and a caret. Exceptions
 * are only for compiler bugs.
 */

/** A half-open byte range [start, end) in one source file. */
export interface Span {
  file: string;
  start: number;
  end: number;
}

export type Severity = "error" | "warning";

export interface Diagnostic {
  /** Stable code, e.g. "TSB1001"; the catalog in codes.ts says what each means. */
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  hint?: string;
}

/** Thrown inside the frontend to stop lowering one handler at the first error in it. */
export class DiagnosticError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** Builds an error diagnostic. */
export function error(code: string, span: Span, message: string, hint?: string): Diagnostic {
  return { code, severity: "error", message, span, hint };
}

/** Throws an error diagnostic (lowering of the current handler stops). */
export function fail(code: string, span: Span, message: string, hint?: string): never {
  throw new DiagnosticError(error(code, span, message, hint));
}

/** A compiler bug: an internal invariant broke. */
export class CompilerBug extends Error {
  override readonly name = "CompilerBug";
  constructor(message: string) {
    super(`tsbpf compiler bug: ${message} (please report it with the probe that caused it)`);
  }
}
