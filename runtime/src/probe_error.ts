/**
 * Errors the runtime reports as one readable message (no stack trace unless --debug): a probe
 * that does not compile carries its rendered diagnostics.
 */

/** Marks every ProbeError, whichever copy of this module made it. */
const BRAND = Symbol.for("tsbpf.ProbeError");

export class ProbeError extends Error {
  override readonly name = "ProbeError";
  readonly [BRAND] = true;
  constructor(readonly stage: "compile" | "load" | "attach" | "usage", message: string,
    readonly count = 1) {
    super(message);
  }

  /**
   * `instanceof` by brand, not by prototype: the prebuilt CLI is several bundles (one per
   * command, scripts/bundle_cli.ts), each with its own copy of this class, and the entry's
   * `catch` must still recognise a command's errors.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && BRAND in value;
  }
}
