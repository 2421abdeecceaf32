/**
 * Bun adapter for the syscall backend, over `bun:ffi`.
 *
 * Bun has no errno support in its FFI, so errno is read through `__errno_location()` right after
 * a call returns -1 (the main thread's errno address never changes). Bun has no non-blocking FFI
 * calls either: `epollWait` runs `epoll_wait` in a Worker, which dlopens libc itself.
 *
 * `bun:ffi` is required when the backend is created, not imported at the top, so this module
 * can be imported (and bundled) in Deno and Node, which never call it.
 */
import type * as BunFFI from "bun:ffi";

/** Bun's `import.meta` can require; spelled out so Deno's type check of this module passes. */
type BunImportMeta = ImportMeta & { require(id: string): unknown };
import type { NativeMemory, SyscallBackend } from "../backend.ts";
import { epollWorkerUrl } from "./bun_epoll_worker.ts";


interface PendingWait { resolve: (n: number) => void }

/** Bun's Worker can be unref'ed so an idle waiter does not keep the process alive. */
type BunWorker = Worker & { ref(): void; unref(): void };

export function createBunBackend(): SyscallBackend {
  const { dlopen, FFIType, read, toArrayBuffer } = (import.meta as BunImportMeta).require("bun:ffi") as typeof BunFFI;
  const i64 = FFIType.i64_fast;
  const libc = dlopen("libc.so.6", {
    syscall: { args: [i64, i64, i64, i64, i64, i64, i64], returns: i64 },
    __errno_location: { args: [], returns: FFIType.ptr },
    calloc: { args: [FFIType.u64, FFIType.u64], returns: FFIType.ptr },
    free: { args: [FFIType.ptr], returns: FFIType.void },
  });
  const errnoAddress = libc.symbols.__errno_location() as number;
  let worker: BunWorker | undefined;
  let nextId = 1;
  const pending = new Map<number, PendingWait>();

  function ensureWorker(): BunWorker {
    if (worker) return worker;
    worker = new Worker(epollWorkerUrl()) as BunWorker;
    worker.onmessage = (event: MessageEvent<{ id: number; result: number }>) => {
      const wait = pending.get(event.data.id);
      pending.delete(event.data.id);
      if (pending.size === 0) worker?.unref();
      wait?.resolve(event.data.result);
    };
    return worker;
  }

  return {
    runtime: "bun",
    syscall(nr, a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0) {
      const result = Number(libc.symbols.syscall(nr, a0, a1, a2, a3, a4, a5));
      return result === -1 ? -read.i32(errnoAddress, 0) : result;
    },
    alloc(size): NativeMemory {
      const address = libc.symbols.calloc(1, Math.max(size, 1)) as number | null;
      if (!address) throw new Error(`Cannot allocate ${size} bytes of native memory`);
      return { address, bytes: new Uint8Array(toArrayBuffer(address, 0, size)) };
    },
    free(memory) {
      libc.symbols.free(memory.address as never);
    },
    view(address, length) {
      return new Uint8Array(toArrayBuffer(address, 0, length));
    },
    epollWait(epfd, timeoutMs) {
      const w = ensureWorker();
      const id = nextId++;
      w.ref();
      return new Promise((resolve) => {
        pending.set(id, { resolve });
        w.postMessage({ id, epfd, timeoutMs });
      });
    },
    shutdown() {
      worker?.terminate();
      worker = undefined;
      for (const wait of pending.values()) wait.resolve(0);
      pending.clear();
    },
  };
}
