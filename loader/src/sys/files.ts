/**
 * Reads kernel files (/sys, /proc, tracefs) through raw openat/read syscalls, so Deno needs
 * only --allow-ffi and every runtime behaves alike.
 */
import { cString, withScratch } from "./attr.ts";
import { ENOENT } from "./errno.ts";
import { SyscallError } from "./errors.ts";
import { AT_FDCWD, O_CLOEXEC, O_RDONLY, SYS } from "./numbers.ts";
import { backend } from "./select_backend.ts";
import { concatBytes } from "../util/bytes.ts";

const CHUNK = 64 * 1024;

/** Opens a path read-only; returns the fd or -errno. */
export function openRaw(path: string, flags = O_RDONLY): number {
  const name = cString(path);
  try {
    return backend().syscall(SYS.openat, AT_FDCWD, name.address, flags | O_CLOEXEC, 0);
  } finally {
    backend().free(name);
  }
}

/** The whole file as bytes; throws a SyscallError ("open <path>") when it cannot be read. */
export function readFileBytes(path: string): Uint8Array {
  const sys = backend();
  const fd = openRaw(path);
  if (fd < 0) throw new SyscallError(`open ${path}`, -fd);
  try {
    return withScratch(CHUNK, (chunk) => {
      const parts: Uint8Array[] = [];
      for (;;) {
        const n = sys.syscall(SYS.read, fd, chunk.address, CHUNK);
        if (n < 0) throw new SyscallError(`read ${path}`, -n);
        if (n === 0) break;
        parts.push(chunk.bytes.slice(0, n));
      }
      return concatBytes(parts);
    });
  } finally {
    sys.syscall(SYS.close, fd);
  }
}

/** The whole file as UTF-8 text. */
export function readFileText(path: string): string {
  return new TextDecoder().decode(readFileBytes(path));
}

/** The file's text, or undefined when it does not exist. */
export function readFileTextIfExists(path: string): string | undefined {
  try {
    return readFileText(path);
  } catch (error) {
    if (error instanceof SyscallError && error.errno === ENOENT) return undefined;
    throw error;
  }
}

/** Whether a path exists (and can be opened). */
export function pathExists(path: string): boolean {
  const fd = openRaw(path);
  if (fd < 0) return false;
  backend().syscall(SYS.close, fd);
  return true;
}
