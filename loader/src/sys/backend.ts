/**
 * The syscall backend: the only seam between the loader and a JavaScript runtime.
 *
 * Each runtime (Bun, Deno, Node) has one adapter in `ffi/` that implements this interface with
 * its own FFI; `fake.ts` implements it for unprivileged unit tests. Nothing else in the loader
 * touches runtime-specific APIs. Addresses are plain numbers: x86-64 user addresses stay below
 * 2^47, so they are exact in a double.
 */

/** Memory allocated outside the JS heap, so its address never moves. */
export interface NativeMemory {
  readonly address: number;
  readonly bytes: Uint8Array;
}

/** What one runtime's FFI gives the loader. */
export interface SyscallBackend {
  readonly runtime: "bun" | "deno" | "node" | "fake";
  /**
   * A raw Linux syscall. Returns the result (>= 0), or `-errno` when the call failed.
   * Arguments are integers or addresses; results above 2^53 are not expected (mmap addresses
   * and fds fit).
   */
  syscall(nr: number, a0?: number | bigint, a1?: number | bigint, a2?: number | bigint,
    a3?: number | bigint, a4?: number | bigint, a5?: number | bigint): number;
  /** Zeroed native memory; release it with `free`. */
  alloc(size: number): NativeMemory;
  free(memory: NativeMemory): void;
  /** A view over native memory the loader did not allocate (an mmap'ed region). */
  view(address: number, length: number): Uint8Array;
  /**
   * Waits until the epoll instance `epfd` reports an event or `timeoutMs` passes, without
   * blocking the event loop. Resolves to the number of ready fds (0 on timeout), or `-errno`.
   */
  epollWait(epfd: number, timeoutMs: number): Promise<number>;
  /** Releases threads or workers that `epollWait` started, so the process can exit. */
  shutdown(): void;
}
