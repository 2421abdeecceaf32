/** Other syscalls around bpf(): perf_event_open, ioctl, mmap, epoll, pids. */
import { SyscallError } from "./errors.ts";
import {
  EPOLL_CLOEXEC, EPOLL_CTL_ADD, EPOLLIN, MAP_SHARED, PERF_FLAG_FD_CLOEXEC, SYS,
} from "./numbers.ts";
import { backend } from "./select_backend.ts";
import { withScratch } from "./attr.ts";

/** perf_event_open(attr, pid, cpu, -1, CLOEXEC); returns the fd or throws. */
export function perfEventOpen(attrAddress: number, pid: number, cpu: number, what: string): number {
  const fd = backend().syscall(SYS.perf_event_open, attrAddress, pid, cpu, -1,
    PERF_FLAG_FD_CLOEXEC);
  if (fd < 0) throw new SyscallError(`perf_event_open ${what}`, -fd);
  return fd;
}

/** ioctl(fd, request, arg); throws on failure. */
export function ioctl(fd: number, request: number, arg: number, what: string): number {
  const result = backend().syscall(SYS.ioctl, fd, request, arg);
  if (result < 0) throw new SyscallError(`ioctl ${what}`, -result);
  return result;
}

/** mmap(NULL, length, prot, MAP_SHARED, fd, offset); returns the address or throws. */
export function mmapShared(fd: number, length: number, prot: number, offset: number,
  what: string): number {
  const address = backend().syscall(SYS.mmap, 0, length, prot, MAP_SHARED, fd, offset);
  if (address < 0 && address > -4096) throw new SyscallError(`mmap ${what}`, -address);
  return address;
}

export function munmap(address: number, length: number): void {
  backend().syscall(SYS.munmap, address, length);
}

/** A new epoll instance watching `fds` for input. */
export function epollFor(fds: number[]): number {
  const sys = backend();
  const epfd = sys.syscall(SYS.epoll_create1, EPOLL_CLOEXEC);
  if (epfd < 0) throw new SyscallError("epoll_create1", -epfd);
  withScratch(16, (event) => {
    const view = new DataView(event.bytes.buffer, event.bytes.byteOffset, 12);
    for (const fd of fds) {
      view.setUint32(0, EPOLLIN, true);
      view.setUint32(4, fd, true);
      const result = sys.syscall(SYS.epoll_ctl, epfd, EPOLL_CTL_ADD, fd, event.address);
      if (result < 0) {
        sys.syscall(SYS.close, epfd);
        throw new SyscallError("epoll_ctl", -result);
      }
    }
  });
  return epfd;
}

/** This process's id, from the kernel. */
export function getpid(): number {
  return backend().syscall(SYS.getpid);
}

/** This thread's id, from the kernel. */
export function gettid(): number {
  return backend().syscall(SYS.gettid);
}

/** getppid(2): tests use it as a syscall with no side effects to count. */
export function getppid(): number {
  return backend().syscall(SYS.getppid);
}
