/**
 * Linux x86-64 syscall numbers and the few constants of the syscalls around bpf() that the
 * loader uses. Taken from the kernel's arch/x86/entry/syscalls/syscall_64.tbl and uapi headers.
 */

export const SYS = {
  read: 0,
  write: 1,
  close: 3,
  mmap: 9,
  munmap: 11,
  ioctl: 16,
  getpid: 39,
  getpgid: 121,
  socket: 41,
  sendto: 44,
  recvfrom: 45,
  bind: 49,
  getsockname: 51,
  setsockopt: 54,
  getppid: 110,
  gettid: 186,
  clock_gettime: 228,
  uname: 63,
  openat: 257,
  perf_event_open: 298,
  bpf: 321,
  epoll_create1: 291,
  epoll_ctl: 233,
  epoll_wait: 232,
  eventfd2: 290,
  sched_setaffinity: 203,
  sched_getaffinity: 204,
  capget: 125,
  getrlimit: 97,
  mount: 165,
  statfs: 137,
} as const;

export const CLOCK_REALTIME = 0;
export const CLOCK_MONOTONIC = 1;

export const O_RDONLY = 0;
export const O_CLOEXEC = 0o2000000;
export const AT_FDCWD = -100;

export const PROT_READ = 1;
export const PROT_WRITE = 2;
export const MAP_SHARED = 1;

export const EPOLL_CLOEXEC = 0o2000000;
export const EPOLL_CTL_ADD = 1;
export const EPOLL_CTL_DEL = 2;
export const EPOLL_CTL_MOD = 3;
export const EPOLLONESHOT = 0x40000000;
export const EPOLLIN = 1;

/** BPF_PROG_LOAD flag: the program may sleep (syscall programs must). */
export const BPF_F_SLEEPABLE = 1 << 4;

export const PERF_FLAG_FD_CLOEXEC = 8;
export const PERF_EVENT_IOC_ENABLE = 0x2400;
export const PERF_EVENT_IOC_DISABLE = 0x2401;
export const PERF_EVENT_IOC_SET_BPF = 0x40042408;
