/**
 * Errors the runtime reports as one readable message (no stack trace unless --debug): a probe
 * that does not compile carries its rendered diagnostics.
 */
export class ProbeError extends Error {
  override readonly name = "ProbeError";
  constructor(readonly stage: "compile" | "load" | "attach" | "usage", message: string,
    readonly count = 1) {
    super(message);
  }
}
