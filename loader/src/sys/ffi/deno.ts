/**
 * Deno adapter for the syscall backend, over `Deno.dlopen` (needs only `--allow-ffi`).
 *
 * Results are declared i32 where they fit (3x cheaper than BigInt results in Deno); mmap, whose
 * result is an address, goes through a second i64 binding of the same libc symbol. errno is read
 * through `__errno_location()`. `epollWait` uses a `nonblocking` binding, which runs on another
 * thread, so its errno is not readable: a failure there reports EINTR.
 */
import type { NativeMemory, SyscallBackend } from "../backend.ts";
import { SYS } from "../numbers.ts";

// deno-lint-ignore no-explicit-any
declare const Deno: any;

const EINTR = 4;

export function createDenoBackend(): SyscallBackend {
  const libc = Deno.dlopen("libc.so.6", {
    syscall: { parameters: ["i64", "i64", "i64", "i64", "i64", "i64", "i64"], result: "i32" },
    syscall_wide: {
      name: "syscall",
      parameters: ["i64", "i64", "i64", "i64", "i64", "i64", "i64"],
      result: "i64",
    },
    __errno_location: { parameters: [], result: "pointer" },
    calloc: { parameters: ["usize", "usize"], result: "pointer" },
    free: { parameters: ["pointer"], result: "void" },
    epoll_wait: { parameters: ["i32", "buffer", "i32", "i32"], result: "i32", nonblocking: true },
  });
  const errnoView = new Deno.UnsafePointerView(libc.symbols.__errno_location());
  const events = new Uint8Array(12 * 16);
  const pointerOf = (address: number) => Deno.UnsafePointer.create(BigInt(address));

  return {
    runtime: "deno",
    syscall(nr, a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0) {
      const result = nr === SYS.mmap
        ? Number(libc.symbols.syscall_wide(nr, a0, a1, a2, a3, a4, a5))
        : libc.symbols.syscall(nr, a0, a1, a2, a3, a4, a5) as number;
      return result === -1 ? -errnoView.getInt32(0) : result;
    },
    alloc(size): NativeMemory {
      const pointer = libc.symbols.calloc(1, BigInt(Math.max(size, 1)));
      if (pointer === null) throw new Error(`Cannot allocate ${size} bytes of native memory`);
      const address = Number(Deno.UnsafePointer.value(pointer));
      const bytes = new Uint8Array(new Deno.UnsafePointerView(pointer).getArrayBuffer(size));
      return { address, bytes };
    },
    free(memory) {
      libc.symbols.free(pointerOf(memory.address));
    },
    view(address, length) {
      return new Uint8Array(new Deno.UnsafePointerView(pointerOf(address)).getArrayBuffer(length));
    },
    async epollWait(epfd, timeoutMs) {
      const n = await libc.symbols.epoll_wait(epfd, events, 16, timeoutMs) as number;
      return n === -1 ? -EINTR : n;
    },
    shutdown() {},
  };
}
