/**
 * The one error type of the instruction-set module: thrown by encode, decode, the assembler and
 * reference resolution when given malformed instructions or bytes. Its message names the
 * operation and the instruction, e.g. `Cannot encode instruction 3: off 40000 does not fit in
 * 16 bits`.
 */

/** A malformed instruction, byte sequence, label or reference. */
export class AsmError extends Error {
  override name = "AsmError";

  /** Index of the offending instruction (logical index, not slot), when there is one. */
  readonly index: number | undefined;

  constructor(message: string, index?: number) {
    super(message);
    this.index = index;
  }
}
