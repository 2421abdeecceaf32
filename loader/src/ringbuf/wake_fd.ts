/**
 * WakeFd: an eventfd that lets the thread that owns a consume loop interrupt its own pending
 * `epoll_wait`, which runs on another thread (Bun's Worker, Deno's nonblocking call, koffi's
 * thread pool) and cannot be cancelled from JS. Closing the epoll fd would not wake it: the
 * waiting thread holds its own reference to the epoll file.
 *
 * Not a general eventfd binding: it only signals and clears, and is always nonblocking.
 */
import { SyscallError } from "../sys/errors.ts";
import { SYS } from "../sys/numbers.ts";
import type { NativeMemory } from "../sys/backend.ts";
import { backend } from "../sys/select_backend.ts";

// Not in sys/numbers.ts (outside this folder); x86-64 numbers and uapi/linux/eventfd.h flags.
const EFD_CLOEXEC = 0o2000000;
const EFD_NONBLOCK = 0o4000;

/** An eventfd to add to an epoll set; `signal()` makes the set readable until `clear()`. */
export class WakeFd {
  readonly fd: number;
  #counter: NativeMemory;
  #closed = false;

  constructor() {
    const sys = backend();
    const fd = sys.syscall(SYS.eventfd2, 0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (fd < 0) throw new SyscallError("eventfd2", -fd);
    this.fd = fd;
    this.#counter = sys.alloc(8);
  }

  /** Adds one to the counter, waking any epoll_wait that watches this fd. */
  signal(): void {
    if (this.#closed) return;
    this.#counter.bytes.fill(0);
    this.#counter.bytes[0] = 1;
    backend().syscall(SYS.write, this.fd, this.#counter.address, 8);
  }

  /** Resets the counter to zero (a no-op when it already is: the fd is nonblocking). */
  clear(): void {
    if (this.#closed) return;
    backend().syscall(SYS.read, this.fd, this.#counter.address, 8);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const sys = backend();
    sys.syscall(SYS.close, this.fd);
    sys.free(this.#counter);
  }
}
