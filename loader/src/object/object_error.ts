/** Errors reading a BPF ELF object: what in which file, and what to do. */
export class ObjectError extends Error {
  override readonly name = "ObjectError";
  constructor(readonly file: string, problem: string, readonly hint?: string) {
    super(`Cannot read BPF object '${file}': ${problem}` + (hint ? ` (hint: ${hint})` : ""));
  }
}
