/**
 * AttachError: an attach request that cannot work — the wrong program type, a file, symbol or
 * interface that does not exist, a kernel too old for the attach kind. Errors found by asking
 * the kernel stay `SyscallError`s (they carry the errno); this type is for what the loader can
 * say more clearly than an errno, always with a hint on what to change.
 */
import type { Program } from "../programs/program.ts";
import { progTypeName } from "../programs/prog_types.ts";

/** Stable codes that callers and tests can switch on. */
export type AttachErrorKind =
  | "wrong_program_type"
  | "file_not_found"
  | "library_not_found"
  | "no_uprobe_support"
  | "interface_not_found"
  | "kernel_too_old"
  | "invalid_options";

/** An attach request that cannot work. The message reads `<what>: <problem> (hint: <hint>)`. */
export class AttachError extends Error {
  override readonly name = "AttachError";
  readonly kind: AttachErrorKind;
  readonly hint?: string;

  constructor(kind: AttachErrorKind, message: string, hint?: string, options?: { cause?: unknown }) {
    super(hint ? `${message} (hint: ${hint})` : message, options);
    this.kind = kind;
    this.hint = hint;
  }
}

/**
 * Throws `wrong_program_type` unless `program` has one of the `expected` types. Checked before
 * any fd is opened, because the kernel's answer to a mismatch is a bare EINVAL.
 */
export function requireProgramType(program: Program, expected: readonly number[], target: string,
  hint: string): void {
  if (expected.includes(program.type)) return;
  const wanted = expected.map((t) => `'${progTypeName(t)}'`).join(" or ");
  throw new AttachError("wrong_program_type",
    `Cannot attach program '${program.name}' (${progTypeName(program.type)}) to ${target}: ` +
    `it needs a ${wanted} program`, hint);
}
