/**
 * VerifierError: the kernel verifier refused a program. Carries a one-line summary, the full
 * log, the failing instruction, its source line when the program has a source map, and hints
 * for known causes. The source line comes first in the message: that is where a person looks.
 */
import { errnoName } from "../sys/errno.ts";
import type { SourceLocation } from "./program_spec.ts";

export class VerifierError extends Error {
  override readonly name = "VerifierError";
  readonly program: string;
  readonly errno: number;
  /** The verifier's own words: the line that says why. */
  readonly summary: string;
  readonly log: string;
  readonly failedInsn?: number;
  readonly source?: SourceLocation;
  readonly hints: string[];

  constructor(program: string, errno: number, log: string, source?: (i: number) =>
    SourceLocation | undefined) {
    const parsed = parseVerifierLog(log);
    const location = parsed.failedInsn === undefined ? undefined : source?.(parsed.failedInsn);
    const hints = hintsFor(parsed.summary, errno);
    const where = location
      ? `${location.file}:${location.line}:${location.column}: ` +
        (location.text ? `\n    ${location.text.trim()}\n  ` : "")
      : "";
    const insn = parsed.failedInsn === undefined ? "" : ` at instruction ${parsed.failedInsn}`;
    super(`${where}The verifier rejected program '${program}'${insn}: ${parsed.summary}` +
      ` [${errnoName(errno)}]` + (hints.length ? ` (hint: ${hints.join("; ")})` : ""));
    this.program = program;
    this.errno = errno;
    this.summary = parsed.summary;
    this.log = log;
    this.failedInsn = parsed.failedInsn;
    this.source = location;
    this.hints = hints;
  }

  /** The message, then the verifier's log (the last `lines` lines). */
  format(lines = 30): string {
    const tail = this.log.trimEnd().split("\n").slice(-lines).join("\n");
    return `${this.message}\n--- verifier log (last ${lines} lines) ---\n${tail}`;
  }
}

const INSN_LINE = /^(\d+): \([0-9a-f]{2}\)/;
const TRAILER = /^(processed \d+ insns|verification time|stack depth|mark_precise|from \d+ to \d+)/;

/** Finds the failing instruction and the line that explains the rejection. */
export function parseVerifierLog(log: string): { summary: string; failedInsn?: number } {
  const lines = log.split("\n").map((l) => l.trimEnd()).filter((l) => l !== "");
  let failedInsn: number | undefined;
  let summary = "";
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (!summary && !TRAILER.test(line) && !INSN_LINE.test(line) && !line.startsWith(";")) {
      summary = line;
      for (let j = i - 1; j >= 0; j--) {
        const m = INSN_LINE.exec(lines[j]!);
        if (m) {
          failedInsn = Number(m[1]);
          break;
        }
      }
      break;
    }
  }
  return { summary: summary || "no reason in the log (it may be empty at log level 0)", failedInsn };
}

const HINTS: [RegExp, string][] = [
  [/map_value_or_null|_or_null/, "check the map lookup result for undefined before using it"],
  [/unknown func|program of this type cannot use helper/,
    "this helper is not available to this program type on this kernel"],
  [/back-edge|infinite loop|BPF program is too large|too many states/,
    "bound the loop with a constant the verifier can see, or make it shorter"],
  [/invalid indirect read from stack|invalid read from stack/,
    "initialize every byte of a stack buffer before passing it to a helper"],
  [/combined stack size|stack limit|invalid stack off/,
    "the program uses more than 512 bytes of stack: make large locals smaller or move them to a per-CPU array map"],
  [/invalid access to map value|value_size=/,
    "the access goes past the end of the map value: check the offset and size"],
  [/R\d+ !read_ok/, "a register is read before it is written"],
  [/invalid mem access 'scalar'|invalid mem access 'inv'/,
    "a number is used as a pointer: read memory through readKernel/readUser instead"],
  [/R0 !read_ok|At program exit the register R0/, "the program must set its return value"],
  [/unreachable insn/, "the program has unreachable instructions"],
  [/jump out of range/, "a jump leaves the program"],
];

function hintsFor(summary: string, errno: number): string[] {
  const hints = HINTS.filter(([pattern]) => pattern.test(summary)).map(([, hint]) => hint);
  if (errno === 1) {
    hints.push("loading needs root or CAP_BPF with CAP_PERFMON; lockdown may refuse some helpers");
  }
  return hints;
}
