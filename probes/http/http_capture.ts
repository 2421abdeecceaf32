/**
 * http_capture: the kernel side of `tsbpf http`, zero-code HTTP/1.x capture from syscalls (this
 * kernel has no kprobes). It follows TCP connections a process accepts (server side) or connects
 * (client side), keyed by process and file descriptor, and sends to userspace, for every read or
 * write on such a connection, its length, its time and a bounded prefix of its bytes. All HTTP
 * parsing and pairing happens in userspace (runtime/src/http/): the kernel only says "these bytes
 * moved on this connection".
 *
 * One program on the `sys_exit` raw tracepoint sees every syscall as it returns, with the
 * caller's saved registers: the syscall's number and arguments are still there (x86-64 keeps
 * them in pt_regs; a syscall does not change them), and by then the result is known and a read's
 * bytes are in its buffer. It is attached BTF-typed (tp_btf), so it reads pt_regs with plain
 * loads: a helper call there, on every syscall of every process, cost about 2-3% of nginx's
 * throughput in bench/http. So nothing is remembered between a syscall's entry and its exit: no
 * per-thread map written and deleted on every read and write, and no second program per syscall.
 * (Enabling any syscall tracepoint puts every syscall of every process on the kernel's slow path;
 * measured with nginx under wrk on this project's 2-core VM, empty programs on the 25 per-syscall
 * tracepoints this probe used before cost about 12% of nginx's throughput, as does one empty
 * program on sys_exit: that floor is the price of seeing syscalls at all. See bench/http.)
 *
 * What it captures:
 * - accept/accept4 (server connections, with the peer's address, from the accept's sockaddr or,
 *   when it passed none, from the kernel's socket, and the listening fd) and
 *   connect (client connections to IPv4/IPv6 peers, blocking or in progress);
 * - read, readv, recvfrom, recvmsg (inbound) and write, writev, sendto, sendmsg, sendfile
 *   (outbound) on those connections; the prefix is the first PREFIX bytes of the first iovec;
 * - close, which ends the connection.
 *
 * What it does not handle yet (said plainly, so nobody relies on it):
 * - x86-64 only (syscall numbers and pt_regs offsets below), and 64-bit processes only: a 32-bit
 *   (ia32) process's syscalls carry other numbers and argument registers, which this reads as
 *   x86-64's;
 * - connections opened before the probe started are not followed (their accept/connect was not
 *   seen);
 * - only the first iovec of readv/recvmsg/writev/sendmsg is copied (its length is sent, so
 *   userspace knows how much of the prefix is real); recvmmsg/sendmmsg, io_uring, splice and
 *   TLS (no libssl uprobes yet) are not seen;
 * - the prefix is read with bpf_probe_read_user_str, so it stops at a NUL byte, and a prefix that
 *   would cross into an unmapped page reads as empty: userspace then sees only the length;
 * - fds passed between processes (SCM_RIGHTS) or duplicated with dup2 are not followed;
 * - a close is seen as it returns: another thread of the process that reuses the fd number for
 *   a new connection in the instant between the close and its return loses that connection.
 */
import {
  type Arr, ArrayMap, type bool, currentTask, i64, kernelOffset, ktimeNs, LruHashMap, PerCpuArrayMap, pid,
  rawTracepoint, readKernel, readUser, readUserStr, RingBuf, type str, tid, type u16, u32, u64, u8,
} from "@ts-bpf/probes";

/** Bytes of each buffer sent to userspace: OBI's FULL_BUF_SIZE. */
const PREFIX = 256;

const SERVER = 1;
const CLIENT = 2;

/** Event kinds. */
const OPEN = 1;
const DATA = 2;
const CLOSE = 3;

/** Directions of DATA events. */
const IN = 1;
const OUT = 2;

const AF_INET = 2;
const AF_INET6 = 10;
const EINPROGRESS = 115n;

interface ConnKey { pid: u32; fd: u32 }
interface Conn { role: u8; openedNs: u64 }

/**
 * The end of x86-64's struct pt_regs, from offset 96: the registers that carry a syscall's first
 * three arguments, and its number (orig_ax; ax already holds the result).
 */
interface SyscallRegs { dx: u64; si: u64; di: u64; nr: u64 }
const REGS_OFFSET = 96n;
/** Where orig_ax, the syscall's number, is in pt_regs. */
const NR_OFFSET = 120n;

/** x86-64 syscall numbers. */
const SYS_READ = 0n;
const SYS_WRITE = 1n;
const SYS_CLOSE = 3n;
const SYS_READV = 19n;
const SYS_WRITEV = 20n;
const SYS_SENDFILE = 40n;
const SYS_CONNECT = 42n;
const SYS_ACCEPT = 43n;
const SYS_SENDTO = 44n;
const SYS_RECVFROM = 45n;
const SYS_SENDMSG = 46n;
const SYS_RECVMSG = 47n;
const SYS_ACCEPT4 = 288n;

/** One record to userspace: a connection opened or closed, or bytes moved on it. */
interface HttpEvent {
  kind: u8;
  role: u8;
  dir: u8;
  family: u16;
  /** The peer's port (network order turned to host order in userspace). */
  port: u16;
  pid: u32;
  tid: u32;
  fd: u32;
  /** accept: the listening fd (its local port is read from /proc by userspace). */
  listenFd: u32;
  /** Bytes the syscall moved (a read or write moves less than 2 GiB). */
  len: u32;
  /**
   * Length of the first iovec, at most 2^32 - 1 (0 for sendfile): the prefix is real up to
   * min(len, seg, PREFIX).
   */
  seg: u32;
  ts: u64;
  /**
   * The peer's address as four little-endian 32-bit loads (IPv4 uses the first). 32-bit fields,
   * like len and seg, decode to plain numbers in userspace, where 64-bit ones cost a BigInt each.
   */
  addr0: u32;
  addr1: u32;
  addr2: u32;
  addr3: u32;
  data: str<256>;
}

/**
 * The connections followed. Userspace deletes the entry of a connection its selection
 * (--pid/--exe/--port) leaves out, as soon as its OPEN record arrives, so the kernel sends
 * nothing more about it; the OPEN record's ts is the entry's openedNs, which tells that
 * connection from a later one on the same fd number.
 */
const conns = new LruHashMap<ConnKey, Conn>({ entries: 65536 });
// 1 MiB: about 3,400 records, 30 ms of a server doing 30,000 requests/s with both ends traced
// (four records a request), well over the consumer's pauses (1 ms between drains, a few ms for
// a young-generation garbage collection); losses are counted and reported, and the benchmark
// (bench/http) shows none. Its size costs the agent twice: the data area is mapped twice (RSS
// of twice its size, from the start), and the runtime counts the mapping as live memory, which
// lets its heap grow by as much again before collecting (the 16 MiB it was cost about 60 MB of
// the agent's RSS under load; each MiB costs about 4).
const events = new RingBuf<HttpEvent>({ bytes: 1024 * 1024 });
/**
 * Where OPEN and CLOSE records are built (DATA records, the frequent ones, are written straight
 * into the ring buffer by a literal emit): a 300-byte record does not fit beside a string read on
 * the 512-byte stack. Per CPU, so handlers on other CPUs never share it. Its `data` keeps old
 * bytes: userspace reads `data` of DATA records only.
 */
const scratch = new PerCpuArrayMap<HttpEvent>({ entries: 1 });
/** Slot 0: a pid whose traffic is never followed (tsbpf's own, set by userspace). */
const ignored = new ArrayMap<u32>({ entries: 1 });

function isIgnored(): bool {
  const own = ignored.get(0);
  return own !== undefined && own === pid();
}

/** Fills the fields every event has, and clears the rest (the scratch record is reused). */
function startEvent(e: HttpEvent, kind: u8, role: u8, fd: u32, ts: u64): void {
  e.kind = kind;
  e.role = role;
  e.dir = 0;
  e.family = 0;
  e.port = 0;
  e.listenFd = 0;
  e.len = 0;
  e.seg = 0;
  e.addr0 = 0;
  e.addr1 = 0;
  e.addr2 = 0;
  e.addr3 = 0;
  e.pid = pid();
  e.tid = tid();
  e.fd = fd;
  e.ts = ts;
}

function emitOpen(role: u32, fd: u32, listenFd: u32, sockaddr: u64, ts: u64): void {
  const e = scratch.get(0);
  if (e === undefined) return;
  startEvent(e, OPEN, u8(role), fd, ts);
  e.listenFd = listenFd;
  if (sockaddr !== 0n) {
    e.family = readUser<u16>(sockaddr);
    e.port = readUser<u16>(sockaddr + 2n);
    let offset: u64 = 4n; // sin_addr; sin6_addr is at 8
    if (e.family === AF_INET6) offset = 8n;
    const at = sockaddr + offset;
    e.addr0 = readUser<u32>(at);
    e.addr1 = readUser<u32>(at + 4n);
    e.addr2 = readUser<u32>(at + 8n);
    e.addr3 = readUser<u32>(at + 12n);
  } else if (role === SERVER) {
    peerFromKernel(e, fd);
  }
  events.emit(e);
}

/**
 * The peer of this process's socket `fd`, from the kernel's own structures: current->files->fdt
 * ->fd[fd] is the socket's struct file, its private_data the struct socket, whose sk holds both
 * ends' addresses. For accepts given no sockaddr (libuv's, so every Node server): userspace could
 * only ask /proc, where a short connection is often gone by the time its OPEN record is read.
 * The offsets are this kernel's, from its BTF at compile time (the probe is compiled where it runs).
 */
function peerFromKernel(e: HttpEvent, fd: u32): void {
  const files = readKernel<u64>(currentTask() + kernelOffset("task_struct", "files"));
  const fdt = readKernel<u64>(files + kernelOffset("files_struct", "fdt"));
  if (fd >= readKernel<u32>(fdt + kernelOffset("fdtable", "max_fds"))) return;
  const file = readKernel<u64>(readKernel<u64>(fdt + kernelOffset("fdtable", "fd")) + u64(fd) * 8n);
  const socket = readKernel<u64>(file + kernelOffset("file", "private_data"));
  const sk = readKernel<u64>(socket + kernelOffset("socket", "sk"));
  e.family = readKernel<u16>(sk + kernelOffset("sock", "__sk_common.skc_family"));
  e.port = readKernel<u16>(sk + kernelOffset("sock", "__sk_common.skc_dport"));
  if (e.family === AF_INET) {
    e.addr0 = readKernel<u32>(sk + kernelOffset("sock", "__sk_common.skc_daddr"));
  } else if (e.family === AF_INET6) {
    const addr = readKernel<Arr<u32, 4>>(sk + kernelOffset("sock", "__sk_common.skc_v6_daddr"));
    e.addr0 = addr[0]!;
    e.addr1 = addr[1]!;
    e.addr2 = addr[2]!;
    e.addr3 = addr[3]!;
  }
}

/** A returned accept on `listenFd`: a new server connection on fd `ret`. */
function accepted(listenFd: u64, sockaddr: u64, ret: i64): void {
  if (ret < 0n || isIgnored()) return;
  const fd = u32(ret);
  // The OPEN record carries the entry's openedNs: userspace, which may stop following a
  // connection its selection leaves out (by deleting the entry), tells this one from a later
  // connection on the same fd number by it.
  const now = ktimeNs();
  conns.set({ pid: pid(), fd }, { role: SERVER, openedNs: now });
  emitOpen(SERVER, fd, u32(listenFd), sockaddr, now);
}

/** A returned connect of `fd` to `sockaddr`: a client connection, if to an IP peer. */
function connected(fd: u64, sockaddr: u64, ret: i64): void {
  // A non-blocking connect returns -EINPROGRESS and completes later: follow it from now.
  if (ret !== 0n && ret !== -EINPROGRESS) return;
  if (isIgnored()) return;
  const family = readUser<u16>(sockaddr);
  if (family !== AF_INET && family !== AF_INET6) return;
  const now = ktimeNs();
  conns.set({ pid: pid(), fd: u32(fd) }, { role: CLIENT, openedNs: now });
  emitOpen(CLIENT, u32(fd), 0, sockaddr, now);
}

/** A returned close of a followed connection ends it. */
function closed(fd: u64, ret: i64): void {
  if (ret !== 0n) return;
  const key: ConnKey = { pid: pid(), fd: u32(fd) };
  const known = conns.get(key);
  if (known === undefined) return;
  const role = known.role;
  conns.delete(key);
  const e = scratch.get(0);
  if (e === undefined) return;
  startEvent(e, CLOSE, role, u32(fd), ktimeNs());
  events.emit(e);
}

/** The first iovec (base, length) of an iovec array. */
interface Iovec { base: u64; len: u64 }

/** A read or write of `ret` bytes from/to `buf` (its first `seg` bytes contiguous) on fd `fd`. */
function moved(fd: u64, dir: u32, buf: u64, seg: u64, ret: i64): void {
  const known = conns.get({ pid: pid(), fd: u32(fd) });
  if (known === undefined) return;
  let seg32: u32 = 0xffffffff;
  if (seg < 0xffffffffn) seg32 = u32(seg);
  // The prefix is real up to min(len, seg); sendfile has no buffer (a read of address 0 gives an
  // empty string) and seg 0. Only about that many bytes are copied (a read into a large buffer
  // would otherwise send its stale tail, and userspace decodes every byte up to the NUL): a
  // request's head usually fits in 64 bytes, a response's needs the 256. The size must be a
  // constant, hence two emits. Each is a literal, so the record is reserved in the ring buffer
  // and filled in place (no copy).
  let real: u64 = u64(ret);
  if (seg < real) real = seg;
  if (real < 64n) {
    events.emit({
      kind: DATA, role: known.role, dir, family: 0, port: 0, pid: pid(), tid: tid(), fd: u32(fd),
      listenFd: 0, len: u32(ret), seg: seg32, ts: ktimeNs(), addr0: 0, addr1: 0, addr2: 0, addr3: 0,
      // At most 64 bytes read into the 256-byte field.
      data: readUserStr(buf, 64),
    });
  } else {
    events.emit({
      kind: DATA, role: known.role, dir, family: 0, port: 0, pid: pid(), tid: tid(), fd: u32(fd),
      listenFd: 0, len: u32(ret), seg: seg32, ts: ktimeNs(), addr0: 0, addr1: 0, addr2: 0, addr3: 0,
      data: readUserStr(buf, PREFIX),
    });
  }
}

rawTracepoint("sys_exit", (ctx) => {
  // args: (struct pt_regs *regs, long ret). Most syscalls of the machine are none of ours: the
  // number alone decides, before anything else is read or kept.
  const nr = readKernel<u64>(ctx.arg(0) + NR_OFFSET);
  if (nr > SYS_RECVMSG && nr !== SYS_ACCEPT4) return;
  const ret = i64(ctx.arg(1));
  // Data syscalls fall through to one place that sends the record (one copy of the emit code):
  // each case says which way the bytes went and where the first contiguous run of them is.
  let dir: u32 = IN;
  switch (nr) {
    case SYS_READ:
    case SYS_RECVFROM:
    case SYS_READV:
    case SYS_RECVMSG:
      break;
    case SYS_WRITE:
    case SYS_SENDTO:
    case SYS_WRITEV:
    case SYS_SENDMSG:
    case SYS_SENDFILE:
      dir = OUT;
      break;
    case SYS_ACCEPT:
    case SYS_ACCEPT4: {
      const regs = readKernel<SyscallRegs>(ctx.arg(0) + REGS_OFFSET);
      accepted(regs.di, regs.si, ret);
      return;
    }
    case SYS_CONNECT: {
      const regs = readKernel<SyscallRegs>(ctx.arg(0) + REGS_OFFSET);
      connected(regs.di, regs.si, ret);
      return;
    }
    case SYS_CLOSE: {
      const regs = readKernel<SyscallRegs>(ctx.arg(0) + REGS_OFFSET);
      closed(regs.di, ret);
      return;
    }
    default:
      return;
  }
  if (ret <= 0n) return;
  const regs = readKernel<SyscallRegs>(ctx.arg(0) + REGS_OFFSET);
  let buf: u64 = regs.si;
  let seg: u64 = regs.dx;
  if (nr === SYS_READV || nr === SYS_WRITEV) {
    const first = readUser<Iovec>(regs.si);
    buf = first.base;
    seg = first.len;
  } else if (nr === SYS_RECVMSG || nr === SYS_SENDMSG) {
    // msg_iov is at offset 16 of struct user_msghdr.
    const first = readUser<Iovec>(readUser<u64>(regs.si + 16n));
    buf = first.base;
    seg = first.len;
  } else if (nr === SYS_SENDFILE) {
    // sendfile copies file bytes the process never sees: only the length goes up (no prefix).
    buf = 0n;
    seg = 0n;
  }
  moved(regs.di, dir, buf, seg, ret);
}, { btf: true });
