/** The one error type of the BTF modules: malformed input, or a request the format cannot hold. */

/**
 * A BTF encode, decode or lookup failure. The message names the operation, then the detail,
 * then an optional hint: `Cannot parse BTF: bad magic 0x1234 (hint: is this a .BTF section?)`.
 */
export class BtfError extends Error {
  override readonly name = "BtfError";
  readonly operation: string;
  readonly detail: string;
  readonly hint?: string;

  constructor(operation: string, detail: string, hint?: string) {
    super(`${operation}: ${detail}` + (hint ? ` (hint: ${hint})` : ""));
    this.operation = operation;
    this.detail = detail;
    this.hint = hint;
  }
}
