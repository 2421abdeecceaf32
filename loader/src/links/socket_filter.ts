/**
 * Socket filters: setsockopt(SO_ATTACH_BPF) runs a socket_filter program on every packet a
 * socket receives; it returns how many bytes to keep (0 drops the packet). This is not a BPF
 * link: the filter belongs to the socket, so closing the socket also detaches it, and the
 * returned link detaches with SO_DETACH_BPF. Close the link before the socket: once the socket
 * fd is closed its number may be reused by another socket, whose filter close() would remove.
 */
import { ProgType } from "../asm/mod.ts";
import { withScratch } from "../sys/attr.ts";
import { SyscallError } from "../sys/errors.ts";
import { SYS } from "../sys/numbers.ts";
import { backend } from "../sys/select_backend.ts";
import type { Program } from "../programs/program.ts";
import { requireProgramType } from "./attach_error.ts";
import type { Link } from "./link.ts";

const SOL_SOCKET = 1;
const SO_ATTACH_BPF = 50;
/** Same number as SO_DETACH_FILTER: one call removes either kind. */
const SO_DETACH_BPF = 27;
const ENOENT = 2;
const EBADF = 9;
const ENOTSOCK = 88;

const WRONG_TYPE_HINT = "load it with type ProgType.SOCKET_FILTER (section 'socket')";

/** A filter attached to a socket; close() detaches it and leaves the socket open. */
export class SocketFilterLink implements Link {
  #closed = false;

  constructor(readonly description: string, readonly socketFd: number) {}

  /**
   * Detaches. A socket that is already closed or has no filter left is not an error (nothing
   * is attached either way); anything else the kernel answers is thrown.
   */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    // The kernel ignores the value but insists on an int-sized one.
    const result = withScratch(8, (value) => backend().syscall(SYS.setsockopt, this.socketFd,
      SOL_SOCKET, SO_DETACH_BPF, value.address, 4));
    if (result < 0 && ![ENOENT, EBADF, ENOTSOCK].includes(-result)) {
      throw new SyscallError(`Cannot detach the ${this.description}`, -result);
    }
  }

  [Symbol.dispose](): void {
    this.close();
  }
}

/**
 * Attaches a socket_filter program to an open socket (replacing any filter it had).
 * @throws AttachError wrong program type; SyscallError when `socketFd` is not a socket.
 * @example
 * using link = attachSocketFilter(program, socketFd);
 */
export function attachSocketFilter(program: Program, socketFd: number): SocketFilterLink {
  const description = `socket filter on fd ${socketFd}`;
  requireProgramType(program, [ProgType.SOCKET_FILTER], description, WRONG_TYPE_HINT);
  const result = withScratch(8, (value) => {
    new DataView(value.bytes.buffer, value.bytes.byteOffset, 4).setInt32(0, program.fd, true);
    return backend().syscall(SYS.setsockopt, socketFd, SOL_SOCKET, SO_ATTACH_BPF,
      value.address, 4);
  });
  if (result < 0) {
    throw new SyscallError(`Cannot attach program '${program.name}' to ${description}`, -result, {
      hint: -result === ENOTSOCK || -result === EBADF
        ? `fd ${socketFd} is not an open socket`
        : undefined,
    });
  }
  return new SocketFilterLink(description, socketFd);
}
