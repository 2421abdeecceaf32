/**
 * Bun Worker that blocks in epoll_wait on behalf of the main thread (Bun's FFI has no
 * non-blocking calls). One request at a time; each reply carries the request's id.
 */
import { dlopen, FFIType, ptr, read } from "bun:ffi";

declare const self: Worker;

const libc = dlopen("libc.so.6", {
  epoll_wait: { args: [FFIType.i32, FFIType.ptr, FFIType.i32, FFIType.i32], returns: FFIType.i32 },
  __errno_location: { args: [], returns: FFIType.ptr },
});
const errnoAddress = libc.symbols.__errno_location() as number;
const events = new Uint8Array(12 * 16);

self.onmessage = (event: MessageEvent<{ id: number; epfd: number; timeoutMs: number }>) => {
  const { id, epfd, timeoutMs } = event.data;
  const n = libc.symbols.epoll_wait(epfd, ptr(events), 16, timeoutMs);
  self.postMessage({ id, result: n === -1 ? -read.i32(errnoAddress, 0) : n });
};
