/**
 * http_capture: the kernel side of `tsbpf http`, zero-code HTTP/1.x capture from syscall
 * tracepoints (this kernel has no kprobes). It follows TCP connections a process accepts
 * (server side) or connects (client side), keyed by process and file descriptor, and sends to
 * userspace, for every read or write on such a connection, its length, its time and a bounded
 * prefix of its bytes. All HTTP parsing and pairing happens in userspace
 * (runtime/src/http/): the kernel only says "these bytes moved on this connection".
 *
 * What it captures:
 * - accept/accept4 (server connections, with the peer's address and the listening fd) and
 *   connect (client connections to IPv4/IPv6 peers, blocking or in progress);
 * - read, readv, recvfrom, recvmsg (inbound) and write, writev, sendto, sendmsg, sendfile64
 *   (outbound) on those connections; the prefix is the first PREFIX bytes of the first iovec;
 * - close, which ends the connection.
 *
 * What it does not handle yet (said plainly, so nobody relies on it):
 * - connections opened before the probe started are not followed (their accept/connect was not
 *   seen);
 * - only the first iovec of readv/recvmsg/writev/sendmsg is copied (its length is sent, so
 *   userspace knows how much of the prefix is real); recvmmsg/sendmmsg, io_uring, splice and
 *   TLS (no libssl uprobes yet) are not seen;
 * - the prefix is read with bpf_probe_read_user_str, so it stops at a NUL byte, and a prefix that
 *   would cross into an unmapped page reads as empty: userspace then sees only the length;
 * - fds passed between processes (SCM_RIGHTS) or duplicated with dup2 are not followed.
 */
import {
  ArrayMap, type bool, PerCpuArrayMap, type i64, ktimeNs, LruHashMap, pid, readUser, readUserStr, RingBuf,
  type str, tid, tracepoint, type u16, u32, u64, u8,
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
const EINPROGRESS = 115;

interface ConnKey { pid: u32; fd: u32 }
interface Conn { role: u8; openedNs: u64 }

/** A syscall in flight on one thread: its arguments, kept from sys_enter for sys_exit. */
interface Call {
  fd: u32;
  dir: u8;
  /** The connection's role, looked up at sys_enter (so sys_exit needs no second lookup). */
  role: u8;
  /** The user buffer (first iovec's base), or the sockaddr for accept/connect. */
  buf: u64;
  /** The first iovec's length (the whole count for read/write). */
  seg: u64;
}

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

const conns = new LruHashMap<ConnKey, Conn>({ entries: 65536 });
const calls = new LruHashMap<u32, Call>({ entries: 16384 });
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

/** Remembers an accept's sockaddr pointer until it returns. */
function enterAccept(fd: u64, sockaddr: u64): void {
  if (isIgnored()) return;
  calls.set(tid(), { fd: u32(fd), dir: 0, role: 0, buf: sockaddr, seg: 0n });
}

/** A returned accept: a new server connection on fd `ret`. */
function exitAccept(ret: i64): void {
  const call = calls.get(tid());
  if (call === undefined) return;
  const sockaddr = call.buf;
  const listenFd = call.fd;
  calls.delete(tid());
  if (ret < 0n) return;
  const fd = u32(ret);
  conns.set({ pid: pid(), fd }, { role: SERVER, openedNs: ktimeNs() });
  emitOpen(SERVER, fd, listenFd, sockaddr);
}

/** Fills the fields every event has, and clears the rest (the scratch record is reused). */
function startEvent(e: HttpEvent, kind: u8, role: u8, fd: u32): void {
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
  e.ts = ktimeNs();
}

function emitOpen(role: u32, fd: u32, listenFd: u32, sockaddr: u64): void {
  const e = scratch.get(0);
  if (e === undefined) return;
  startEvent(e, OPEN, u8(role), fd);
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
  }
  events.emit(e);
}

/** A read or write on a followed connection starts: keep its buffer for the exit. */
function enterData(fd: u64, dir: u32, buf: u64, seg: u64): void {
  const known = conns.get({ pid: pid(), fd: u32(fd) });
  if (known === undefined) return;
  calls.set(tid(), { fd: u32(fd), dir, role: known.role, buf, seg });
}

/** The first iovec of an iovec array: its base and length. */
function enterVector(fd: u64, dir: u32, vec: u64): void {
  const known = conns.get({ pid: pid(), fd: u32(fd) });
  if (known === undefined) return;
  calls.set(tid(), { fd: u32(fd), dir, role: known.role, buf: readUser<u64>(vec), seg: readUser<u64>(vec + 8n) });
}

/** A msghdr's first iovec (msg_iov is at offset 16 of struct user_msghdr). */
function enterMessage(fd: u64, dir: u32, msg: u64): void {
  const known = conns.get({ pid: pid(), fd: u32(fd) });
  if (known === undefined) return;
  const vec = readUser<u64>(msg + 16n);
  calls.set(tid(), { fd: u32(fd), dir, role: known.role, buf: readUser<u64>(vec), seg: readUser<u64>(vec + 8n) });
}

/** A read or write returned `ret` bytes: send its length and prefix. */
function exitData(ret: i64): void {
  const call = calls.get(tid());
  if (call === undefined) return;
  if (ret <= 0n) {
    calls.delete(tid());
    return;
  }
  let seg: u32 = 0xffffffff;
  if (call.seg < 0xffffffffn) seg = u32(call.seg);
  // The prefix is real up to min(len, seg); sendfile has no buffer (a read of address 0 gives an
  // empty string) and seg 0. Only about that many bytes are copied (a read into a large buffer
  // would otherwise send its stale tail, and userspace decodes every byte up to the NUL): a
  // request's head usually fits in 64 bytes, a response's needs the 256. The size must be a
  // constant, hence two emits. Each is a literal, so the record is reserved in the ring buffer
  // and filled in place (no copy). The role was looked up at sys_enter: a close of this fd by
  // another thread while the call was in flight ends the connection in userspace anyway (its
  // CLOSE record comes first).
  let real: u64 = u64(ret);
  if (call.seg < real) real = call.seg;
  if (real < 64n) {
    events.emit({
      kind: DATA, role: call.role, dir: call.dir, family: 0, port: 0, pid: pid(), tid: tid(), fd: call.fd,
      listenFd: 0, len: u32(ret), seg, ts: ktimeNs(), addr0: 0, addr1: 0, addr2: 0, addr3: 0,
      // A shorter string into the 256-byte field is what the compiler means to do (it reads at
      // most 64 bytes into it); TypeScript's types only know "str<64> is not str<256>", and the
      // DSL has no cast between capacities, hence the directive.
      // @ts-expect-error str<64> into str<256> (see above)
      data: readUserStr(call.buf, 64),
    });
  } else {
    events.emit({
      kind: DATA, role: call.role, dir: call.dir, family: 0, port: 0, pid: pid(), tid: tid(), fd: call.fd,
      listenFd: 0, len: u32(ret), seg, ts: ktimeNs(), addr0: 0, addr1: 0, addr2: 0, addr3: 0,
      data: readUserStr(call.buf, PREFIX),
    });
  }
  calls.delete(tid());
}

tracepoint("syscalls:sys_enter_accept4", (ctx) => enterAccept(ctx.fd, ctx.upeer_sockaddr));
tracepoint("syscalls:sys_exit_accept4", (ctx) => exitAccept(ctx.ret));
tracepoint("syscalls:sys_enter_accept", (ctx) => enterAccept(ctx.fd, ctx.upeer_sockaddr));
tracepoint("syscalls:sys_exit_accept", (ctx) => exitAccept(ctx.ret));

tracepoint("syscalls:sys_enter_connect", (ctx) => {
  if (isIgnored()) return;
  const family = readUser<u16>(ctx.uservaddr);
  if (family !== AF_INET && family !== AF_INET6) return;
  calls.set(tid(), { fd: u32(ctx.fd), dir: 0, role: 0, buf: ctx.uservaddr, seg: 0n });
});
tracepoint("syscalls:sys_exit_connect", (ctx) => {
  const call = calls.get(tid());
  if (call === undefined) return;
  const fd = call.fd;
  const sockaddr = call.buf;
  calls.delete(tid());
  // A non-blocking connect returns -EINPROGRESS and completes later: follow it from now.
  if (ctx.ret !== 0n && ctx.ret !== -EINPROGRESS) return;
  conns.set({ pid: pid(), fd }, { role: CLIENT, openedNs: ktimeNs() });
  emitOpen(CLIENT, fd, 0, sockaddr);
});

tracepoint("syscalls:sys_enter_read", (ctx) => enterData(ctx.fd, IN, ctx.buf, ctx.count));
tracepoint("syscalls:sys_exit_read", (ctx) => exitData(ctx.ret));
tracepoint("syscalls:sys_enter_recvfrom", (ctx) => enterData(ctx.fd, IN, ctx.ubuf, ctx.size));
tracepoint("syscalls:sys_exit_recvfrom", (ctx) => exitData(ctx.ret));
tracepoint("syscalls:sys_enter_readv", (ctx) => enterVector(ctx.fd, IN, ctx.vec));
tracepoint("syscalls:sys_exit_readv", (ctx) => exitData(ctx.ret));
tracepoint("syscalls:sys_enter_recvmsg", (ctx) => enterMessage(ctx.fd, IN, ctx.msg));
tracepoint("syscalls:sys_exit_recvmsg", (ctx) => exitData(ctx.ret));

tracepoint("syscalls:sys_enter_write", (ctx) => enterData(ctx.fd, OUT, ctx.buf, ctx.count));
tracepoint("syscalls:sys_exit_write", (ctx) => exitData(ctx.ret));
tracepoint("syscalls:sys_enter_sendto", (ctx) => enterData(ctx.fd, OUT, ctx.buff, ctx.len));
tracepoint("syscalls:sys_exit_sendto", (ctx) => exitData(ctx.ret));
tracepoint("syscalls:sys_enter_writev", (ctx) => enterVector(ctx.fd, OUT, ctx.vec));
tracepoint("syscalls:sys_exit_writev", (ctx) => exitData(ctx.ret));
tracepoint("syscalls:sys_enter_sendmsg", (ctx) => enterMessage(ctx.fd, OUT, ctx.msg));
tracepoint("syscalls:sys_exit_sendmsg", (ctx) => exitData(ctx.ret));
// sendfile copies file bytes the process never sees: only the length goes up (no prefix).
tracepoint("syscalls:sys_enter_sendfile64", (ctx) => enterData(ctx.out_fd, OUT, 0n, 0n));
tracepoint("syscalls:sys_exit_sendfile64", (ctx) => exitData(ctx.ret));

tracepoint("syscalls:sys_enter_close", (ctx) => {
  const key: ConnKey = { pid: pid(), fd: u32(ctx.fd) };
  const known = conns.get(key);
  if (known === undefined) return;
  const role = known.role;
  conns.delete(key);
  const e = scratch.get(0);
  if (e === undefined) return;
  startEvent(e, CLOSE, role, u32(ctx.fd));
  events.emit(e);
});
