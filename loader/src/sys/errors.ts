/**
 * Typed errors of the syscall layer. Messages follow one shape: the operation, what the kernel
 * said, and a hint on what to do.
 */
import { EACCES_HINT, EPERM_HINT } from "./hints.ts";
import { errnoDescription, errnoName, EPERM } from "./errno.ts";

/** A syscall failed. `op` names what was asked ("BPF_MAP_CREATE", "open /sys/…"). */
export class SyscallError extends Error {
  override readonly name = "SyscallError";
  readonly op: string;
  readonly errno: number;
  readonly errnoName: string;
  readonly hint?: string;

  constructor(op: string, errno: number, options: { detail?: string; hint?: string } = {}) {
    const hint = options.hint ?? defaultHint(errno);
    const detail = options.detail ? ` (${options.detail})` : "";
    const verb = op.startsWith("Cannot ") ? `${op}:` : `${op} failed:`;
    super(`${verb} ${errnoDescription(errno)} [${errnoName(errno)}]${detail}` +
      (hint ? ` (hint: ${hint})` : ""));
    this.op = op;
    this.errno = errno;
    this.errnoName = errnoName(errno);
    this.hint = hint;
  }
}

function defaultHint(errno: number): string | undefined {
  if (errno === EPERM) return EPERM_HINT;
  if (errno === 13) return EACCES_HINT;
  return undefined;
}
