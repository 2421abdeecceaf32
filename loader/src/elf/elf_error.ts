/**
 * The one error type of the ELF reader and writer. Every message has the same shape: the file in
 * quotes, what is wrong with it, and a hint on what to do. It is not used for bugs in tsbpf itself.
 */

/** What went wrong, as a stable code that callers and tests can switch on. */
export type ElfErrorKind =
  | "not_elf"
  | "unsupported"
  | "truncated"
  | "malformed"
  | "symbol_not_found"
  | "symbol_undefined"
  | "symbol_ambiguous"
  | "not_a_function"
  | "bad_target"
  | "address_not_mapped"
  | "invalid_input";

/**
 * A file could not be read as ELF, a symbol could not be resolved, or writer input was invalid.
 *
 * The message reads `'<file>' <problem> (hint: <hint>)`, for example
 * `'/bin/foo' is not an ELF file (bad magic) (hint: pass the path of a compiled executable or
 * shared library)`.
 */
export class ElfError extends Error {
  override readonly name = "ElfError";
  /** A stable code for the kind of failure. */
  readonly kind: ElfErrorKind;
  /** The file name given to `parseElf` (or the writer's output name). */
  readonly file: string;
  /** What is wrong, without the file name or hint. */
  readonly problem: string;
  /** What to do about it, when there is something to say. */
  readonly hint?: string;

  constructor(kind: ElfErrorKind, file: string, problem: string, hint?: string) {
    super(`'${file}' ${problem}` + (hint ? ` (hint: ${hint})` : ""));
    this.kind = kind;
    this.file = file;
    this.problem = problem;
    this.hint = hint;
  }
}

/** Hint for files that claim more bytes than they have. */
export const TRUNCATED_HINT =
  "the file may be partly written or copied; rebuild it or copy it again";

/** Hint for files whose headers contradict themselves. */
export const MALFORMED_HINT =
  "the file is corrupt or was not produced by a linker or compiler; rebuild it";
