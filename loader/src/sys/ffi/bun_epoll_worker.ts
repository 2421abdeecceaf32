/**
 * The Bun Worker that blocks in epoll_wait on behalf of the main thread (Bun's FFI has no
 * non-blocking calls). One request at a time; each reply carries the request's id.
 *
 * The worker's code is this module's `epollWorkerMain`, started from a Blob URL of its source
 * rather than from a file next to this one, so the loader works the same from source and from a
 * bundle (where no such file exists beside the bundled code).
 */
import type * as BunFFI from "bun:ffi";

/** Bun's `import.meta` can require; spelled out so Deno's type check of this module passes. */
type BunImportMeta = ImportMeta & { require(id: string): unknown };

/** Runs inside the Worker: everything it uses must be required or defined in its body. */
function epollWorkerMain(): void {
  const { dlopen, FFIType, ptr, read } = (import.meta as BunImportMeta).require("bun:ffi") as typeof BunFFI;
  const scope = globalThis as unknown as {
    onmessage: (event: MessageEvent<{ id: number; epfd: number; timeoutMs: number }>) => void;
    postMessage(message: { id: number; result: number }): void;
  };
  const libc = dlopen("libc.so.6", {
    epoll_wait: { args: [FFIType.i32, FFIType.ptr, FFIType.i32, FFIType.i32], returns: FFIType.i32 },
    __errno_location: { args: [], returns: FFIType.ptr },
  });
  const errnoAddress = libc.symbols.__errno_location() as number;
  const events = new Uint8Array(12 * 16);
  scope.onmessage = (event) => {
    const { id, epfd, timeoutMs } = event.data;
    const n = libc.symbols.epoll_wait(epfd, ptr(events), 16, timeoutMs);
    scope.postMessage({ id, result: n === -1 ? -read.i32(errnoAddress, 0) : n });
  };
}

let url: string | undefined;

/** A URL to start the epoll Worker from (made once per process). */
export function epollWorkerUrl(): string {
  url ??= URL.createObjectURL(new Blob([`(${epollWorkerMain.toString()})();`],
    { type: "application/javascript" }));
  return url;
}
