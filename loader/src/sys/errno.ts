/** Linux errno numbers and names (asm-generic/errno-base.h, errno.h), for messages. */

export const ERRNO_NAMES: Record<number, string> = {
  1: "EPERM", 2: "ENOENT", 3: "ESRCH", 4: "EINTR", 5: "EIO", 6: "ENXIO", 7: "E2BIG",
  8: "ENOEXEC", 9: "EBADF", 10: "ECHILD", 11: "EAGAIN", 12: "ENOMEM", 13: "EACCES", 14: "EFAULT",
  16: "EBUSY", 17: "EEXIST", 19: "ENODEV", 20: "ENOTDIR", 21: "EISDIR", 22: "EINVAL", 23: "ENFILE",
  24: "EMFILE", 25: "ENOTTY", 27: "EFBIG", 28: "ENOSPC", 34: "ERANGE", 38: "ENOSYS",
  40: "ELOOP", 61: "ENODATA", 88: "ENOTSOCK", 75: "EOVERFLOW", 95: "EOPNOTSUPP", 97: "EAFNOSUPPORT",
  98: "EADDRINUSE", 110: "ETIMEDOUT", 524: "ENOTSUPP",
};

const DESCRIPTIONS: Record<string, string> = {
  EPERM: "operation not permitted", ENOENT: "no such file or entry", ESRCH: "no such process",
  EINTR: "interrupted", EIO: "I/O error", E2BIG: "argument too big", EBADF: "bad file descriptor",
  EAGAIN: "try again", ENOMEM: "out of memory", EACCES: "permission denied", EFAULT: "bad address",
  EBUSY: "busy", EEXIST: "already exists", ENODEV: "no such device", EINVAL: "invalid argument",
  EMFILE: "too many open files", ENOSPC: "no space left (map full?)", ERANGE: "out of range",
  ENOSYS: "function not implemented", ENOTSUPP: "not supported by this kernel",
  EOPNOTSUPP: "operation not supported", ENOTTY: "inappropriate ioctl",
  ENODATA: "no data", EOVERFLOW: "value too large", ENOTSOCK: "not a socket",
};

export const EPERM = 1;
export const ENOENT = 2;
export const EINTR = 4;
export const EAGAIN = 11;
export const E2BIG = 7;
export const EINVAL = 22;
export const ENOSPC = 28;
export const ENOTSUPP = 524;
export const EOPNOTSUPP = 95;

/** `EPERM` for 1, `errno 999` for numbers this table does not know. */
export function errnoName(errno: number): string {
  return ERRNO_NAMES[errno] ?? `errno ${errno}`;
}

/** `permission denied` style words for an errno. */
export function errnoDescription(errno: number): string {
  return DESCRIPTIONS[errnoName(errno)] ?? errnoName(errno);
}
