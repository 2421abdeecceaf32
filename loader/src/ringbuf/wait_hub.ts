/**
 * WaitHub: one epoll set and at most one pending `epoll_wait` for all the consume loops of a
 * process, so any number of readers waits on one thread.
 *
 * Why not an epoll_wait per reader: Bun's backend runs waits one at a time in a single Worker,
 * so a second reader's wait queued behind the first's never ran (it starved until the first
 * reader got data); Node runs each wait on libuv's thread pool (4 threads by default), so four
 * idle readers would stall the process's file and DNS work. One shared wait avoids both.
 *
 * A loop's fds are registered disarmed (EPOLLONESHOT without EPOLLIN) and armed only while the
 * loop waits: a reader pausing after a drain keeps its fd readable, and an armed fd would make
 * the shared wait return at once, over and over, for the other loops. The backend does not say
 * which fd was ready, so a return wakes every waiting loop; the ones with nothing to read
 * drain nothing (one memory load) and wait again.
 *
 * Not a general event loop: it only tells loops "something may be readable".
 */
import { EINTR } from "../sys/errno.ts";
import { SyscallError } from "../sys/errors.ts";
import type { NativeMemory } from "../sys/backend.ts";
import { EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD, EPOLLIN, EPOLLONESHOT, SYS } from "../sys/numbers.ts";
import { epollFor } from "../sys/os.ts";
import { backend } from "../sys/select_backend.ts";
import { WakeFd } from "./wake_fd.ts";

/** One loop's pending wait. */
export interface Waiter {
  /** Resolves on the next wakeup, timeout or `cancel()`; rejects when epoll_wait fails. */
  readonly done: Promise<void>;
  /** Ends this wait now (the shared epoll_wait goes on for the others). */
  cancel(): void;
}

interface Pending {
  resolve(): void;
  reject(error: unknown): void;
  timer?: ReturnType<typeof setTimeout>;
}

export class WaitHub {
  #epfd: number;
  #wake: WakeFd;
  #event: NativeMemory;
  #waiting = new Set<Pending>();
  #inFlight = false;
  #active = 0;

  /** @throws SyscallError when epoll or eventfd cannot be made. */
  constructor() {
    this.#wake = new WakeFd();
    try {
      this.#epfd = epollFor([this.#wake.fd]);
    } catch (error) {
      this.#wake.close();
      throw error;
    }
    this.#event = backend().alloc(16);
  }

  /** Registers fds, disarmed. @throws SyscallError when epoll refuses one. */
  add(fds: readonly number[]): void {
    for (const fd of fds) this.#control(EPOLL_CTL_ADD, fd, EPOLLONESHOT, true);
  }

  /** Unregisters fds (before their owner closes them); errors are ignored. */
  remove(fds: readonly number[]): void {
    for (const fd of fds) this.#control(EPOLL_CTL_DEL, fd, 0, false);
  }

  /** A loop started: keep the shared wait going while it runs. */
  retain(): void {
    this.#active++;
  }

  /**
   * A loop ended. When none runs any more, the pending epoll_wait is woken so that nothing
   * keeps the process alive.
   */
  release(): void {
    this.#active = Math.max(0, this.#active - 1);
    if (this.#active === 0 && this.#inFlight) this.#wake.signal();
  }

  /**
   * Arms `fds` and waits until something in the set is readable, `timeoutMs` passes (-1: no
   * timeout), or the waiter is cancelled.
   */
  wait(fds: readonly number[], timeoutMs = -1): Waiter {
    let pending!: Pending;
    const done = new Promise<void>((resolve, reject) => {
      pending = { resolve, reject };
    });
    for (const fd of fds) this.#control(EPOLL_CTL_MOD, fd, EPOLLIN | EPOLLONESHOT, true);
    this.#waiting.add(pending);
    if (timeoutMs >= 0) pending.timer = setTimeout(() => this.#finish(pending), timeoutMs);
    this.#startWait();
    return { done, cancel: () => this.#finish(pending) };
  }

  #finish(pending: Pending, error?: unknown): void {
    if (!this.#waiting.delete(pending)) return;
    if (pending.timer !== undefined) clearTimeout(pending.timer);
    if (error === undefined) pending.resolve();
    else pending.reject(error);
  }

  #startWait(): void {
    if (this.#inFlight) return;
    this.#inFlight = true;
    backend().epollWait(this.#epfd, -1).then((ready) => {
      this.#inFlight = false;
      this.#wake.clear();
      const failed = ready < 0 && ready !== -EINTR;
      const error = failed ? new SyscallError("epoll_wait", -ready) : undefined;
      for (const pending of [...this.#waiting]) this.#finish(pending, error);
    });
  }

  #control(op: number, fd: number, events: number, strict: boolean): void {
    const view = new DataView(this.#event.bytes.buffer, this.#event.bytes.byteOffset, 12);
    view.setUint32(0, events >>> 0, true);
    view.setUint32(4, fd, true);
    view.setUint32(8, 0, true);
    const result = backend().syscall(SYS.epoll_ctl, this.#epfd, op, fd, this.#event.address);
    if (result < 0 && strict) throw new SyscallError(`epoll_ctl (fd ${fd})`, -result);
  }
}

let shared: WaitHub | undefined;

/** The process's hub, made on first use and kept for the life of the process. */
export function sharedWaitHub(): WaitHub {
  shared ??= new WaitHub();
  return shared;
}
