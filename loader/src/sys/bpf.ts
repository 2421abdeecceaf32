/**
 * The one bpf() funnel: every command goes through `bpfCall`, which retries EAGAIN (the kernel
 * returns it when a program load races with a signal) and turns a failure into a
 * `SyscallError` naming the command.
 */
import { AttrBuffer } from "./attr.ts";
import { bpfCmdName } from "./bpf_cmd.ts";
import { EAGAIN } from "./errno.ts";
import { SyscallError } from "./errors.ts";
import { SYS } from "./numbers.ts";
import { backend } from "./select_backend.ts";
import type { SyscallBackend } from "./backend.ts";

/** Largest union bpf_attr this loader writes. */
export const ATTR_SIZE = 144;

let scratch: AttrBuffer | undefined;
let scratchOwner: SyscallBackend | undefined;

/** The shared attr buffer, zeroed. Fill it and pass it to `bpfCall` before any other bpf call. */
export function attr(): AttrBuffer {
  // A test may swap the backend; the scratch buffer must come from the one in use.
  if (scratchOwner !== backend()) {
    scratch = new AttrBuffer(ATTR_SIZE);
    scratchOwner = backend();
  }
  return scratch!.reset();
}

const MAX_EAGAIN_RETRIES = 5;

/** Runs bpf(cmd, attr); returns the result or `-errno`. Never throws. */
export function bpfRaw(cmd: number, buffer: AttrBuffer, size: number = buffer.size): number {
  let result = 0;
  for (let attempt = 0; attempt <= MAX_EAGAIN_RETRIES; attempt++) {
    result = backend().syscall(SYS.bpf, cmd, buffer.address, size);
    if (result !== -EAGAIN) break;
  }
  return result;
}

/** Runs bpf(cmd, attr); returns the result, or throws a `SyscallError` naming the command. */
export function bpfCall(cmd: number, buffer: AttrBuffer, what?: string): number {
  const result = bpfRaw(cmd, buffer);
  if (result < 0) throw new SyscallError(bpfCmdName(cmd), -result, { detail: what });
  return result;
}

/** Closes a file descriptor; errors are ignored (a close that fails leaves nothing to undo). */
export function closeFd(fd: number): void {
  if (fd >= 0) backend().syscall(SYS.close, fd);
}
