/**
 * ConsumeLoop: the wait–drain–pause cycle shared by the ring-buffer and perf-buffer readers.
 *
 * It drains, and when the drain found nothing it waits for the buffer's fds through the
 * process's `WaitHub` (one shared epoll_wait, which never blocks the event loop). After a drain
 * that found records it sleeps `pauseMs` (1 ms) before draining again instead of waiting at once:
 * a consumer that is always caught up makes the kernel send a wakeup per small batch, and that
 * slowed the traced process 2–11× on this project's machines (PLATFORM.md). Records pile up
 * during the pause and are read in one batch.
 *
 * It is not a reader: it knows nothing about buffer layouts, and it does not own the buffers.
 */
import { sharedWaitHub, type WaitHub, type Waiter } from "./wait_hub.ts";

/** How a consume loop paces itself. */
export interface ConsumeLoopOptions {
  /** Sleep after a drain that found records, before draining again. Default 1 ms. */
  pauseMs?: number;
  /**
   * Longest single wait in ms; -1 (the default) waits until the kernel or `stop()` wakes it.
   * Perf buffers with a byte watermark use a finite value so a tail below it still arrives.
   */
  waitTimeoutMs?: number;
}

/** Default pause after a non-empty drain (see the module doc). */
export const DEFAULT_PAUSE_MS = 1;

/**
 * Runs `drain` whenever the watched fds are readable, until stopped.
 *
 * `run()` returns a promise that resolves when the loop has stopped and rejects with what
 * `drain` threw (or a failed wait). Once no loop runs, the shared wait is woken and ends, which
 * is what lets the process exit.
 */
export class ConsumeLoop {
  readonly pauseMs: number;
  readonly waitTimeoutMs: number;
  #fds: readonly number[];
  #hub: WaitHub;
  #running: Promise<void> | undefined;
  #stopping = false;
  #closed = false;
  #waiter: Waiter | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #endSleep: (() => void) | undefined;

  /**
   * Watches `fds` for input (`hub`: the process's shared one unless a test gives its own).
   * @throws SyscallError when epoll refuses an fd.
   */
  constructor(fds: readonly number[], options: ConsumeLoopOptions = {},
    hub: WaitHub = sharedWaitHub()) {
    this.pauseMs = options.pauseMs ?? DEFAULT_PAUSE_MS;
    this.waitTimeoutMs = options.waitTimeoutMs ?? -1;
    this.#fds = [...fds];
    this.#hub = hub;
    hub.add(this.#fds);
  }

  /** Whether `run()` has started a loop that has not finished yet. */
  get running(): boolean {
    return this.#running !== undefined;
  }

  /**
   * Starts the loop; `drain` returns how many records it consumed (0 means "nothing there").
   * @throws Error when the loop is already running or closed.
   */
  run(drain: () => number): Promise<void> {
    if (this.#closed) throw new Error("Cannot start a consume loop: it is closed");
    if (this.#running) throw new Error("Cannot start a consume loop: it is already running");
    this.#stopping = false;
    this.#hub.retain();
    const running = this.#loop(drain).finally(() => {
      this.#running = undefined;
      this.#hub.release();
      if (this.#closed) this.#hub.remove(this.#fds);
    });
    this.#running = running;
    return running;
  }

  /** Asks the loop to stop; resolves when it has (at once when it is not running). */
  stop(): Promise<void> {
    const running = this.#running;
    if (!running) return Promise.resolve();
    this.#stopping = true;
    this.#waiter?.cancel();
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#endSleep?.();
    // The caller learns about the loop's failure from run(); stop() only waits for the end.
    return running.then(() => undefined, () => undefined);
  }

  /**
   * Stops the loop and takes its fds out of the wait set (do this before closing them); the
   * returned promise resolves when the loop has ended.
   */
  close(): Promise<void> {
    if (this.#closed) return this.stop();
    this.#closed = true;
    if (!this.#running) {
      this.#hub.remove(this.#fds);
      return Promise.resolve();
    }
    return this.stop();
  }

  async #loop(drain: () => number): Promise<void> {
    while (!this.#stopping) {
      const consumed = drain();
      if (this.#stopping) break;
      if (consumed > 0) {
        if (this.pauseMs > 0) await this.#sleep(this.pauseMs);
        continue;
      }
      this.#waiter = this.#hub.wait(this.#fds, this.waitTimeoutMs);
      try {
        await this.#waiter.done;
      } finally {
        this.#waiter = undefined;
      }
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.#endSleep = () => {
        this.#timer = undefined;
        this.#endSleep = undefined;
        resolve();
      };
      this.#timer = setTimeout(this.#endSleep, ms);
    });
  }
}
