/**
 * Node adapter for the syscall backend, over the `koffi` FFI package (prebuilt binaries ship
 * inside the package). koffi captures errno itself; `epollWait` runs on koffi's thread pool
 * through `fn.async`, so it never blocks the event loop.
 */
import { createRequire } from "node:module";
import type { NativeMemory, SyscallBackend } from "../backend.ts";

// deno-lint-ignore no-explicit-any
type Koffi = any;

export function createNodeBackend(): SyscallBackend {
  const require = createRequire(import.meta.url);
  let koffi: Koffi;
  try {
    koffi = require("koffi");
  } catch {
    throw new Error("Cannot load the 'koffi' package, which Node needs to reach the kernel " +
      "(hint: run 'npm install' in the project, or 'npm install koffi')");
  }
  const libc = koffi.load("libc.so.6");
  const syscall = libc.func("long syscall(long, long, long, long, long, long, long)");
  const calloc = libc.func("void *calloc(size_t, size_t)");
  const free = libc.func("void free(void *)");
  const epollWait = libc.func("int epoll_wait(int, _Out_ uint8_t *, int, int)");
  const events = Buffer.alloc(12 * 16);
  // memmove(dst, src, 0) returns dst untouched: the one way to turn an address into the
  // external pointer that koffi.view and free want.
  const pointerFrom = libc.func("void *memmove(uintptr_t, uintptr_t, size_t)");
  const pointerOf = (address: number) => pointerFrom(address, address, 0);

  return {
    runtime: "node",
    syscall(nr, a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0) {
      const result = Number(syscall(nr, a0, a1, a2, a3, a4, a5));
      return result === -1 ? -koffi.errno() : result;
    },
    alloc(size): NativeMemory {
      const pointer = calloc(1, Math.max(size, 1));
      if (pointer === null) throw new Error(`Cannot allocate ${size} bytes of native memory`);
      const address = Number(koffi.address(pointer));
      return { address, bytes: new Uint8Array(koffi.view(pointer, size)) };
    },
    free(memory) {
      free(pointerOf(memory.address));
    },
    view(address, length) {
      return new Uint8Array(koffi.view(pointerOf(address), length));
    },
    epollWait(epfd, timeoutMs) {
      return new Promise((resolve) => {
        epollWait.async(epfd, events, 16, timeoutMs, (error: unknown, n: number) => {
          resolve(error ? -4 : n);
        });
      });
    },
    shutdown() {},
  };
}
