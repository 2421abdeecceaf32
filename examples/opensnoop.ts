/**
 * opensnoop: every file opened on the system, with the process that opened it and the result
 * (a file descriptor, or a negative errno). A port of bcc's and bpftrace's opensnoop to the
 * `syscalls:sys_enter_openat` / `sys_exit_openat` tracepoints: the entry remembers the
 * filename pointer per thread, the exit reads the string (still in the caller's memory) and
 * sends one record to userspace.
 *
 * Run: tsbpf run examples/opensnoop.ts
 *
 * Prints:
 *
 *   PID     COMM              FD  PATH
 *   <pid>   <comm>            <fd>  <path>
 *   <pid>   <comm>            -2  <path>
 */
import {
  comm, HashMap, i32, pid, readUserStr, RingBuf, type str, tid, tracepoint, type u32, type u64,
} from "@ts-bpf/probes";

interface OpenEvent {
  pid: u32;
  /** The file descriptor, or -errno when the open failed. */
  fd: i32;
  comm: str<16>;
  path: str<256>;
}

/** The filename pointer of each thread's openat() in flight. */
const filenames = new HashMap<u32, u64>({ entries: 10240 });
const opens = new RingBuf<OpenEvent>({ bytes: 256 * 1024 });

tracepoint("syscalls:sys_enter_openat", (ctx) => {
  filenames.set(tid(), ctx.filename);
});

tracepoint("syscalls:sys_exit_openat", (ctx) => {
  const filename = filenames.get(tid());
  if (filename === undefined) return; // the probe started while this openat() was running
  opens.emit({ pid: pid(), fd: i32(ctx.ret), comm: comm(), path: readUserStr(filename, 256) });
  filenames.delete(tid());
});

// Userspace.
console.log(`${"PID".padEnd(7)} ${"COMM".padEnd(16)} ${"FD".padStart(3)}  PATH`);
opens.on((e) => {
  console.log(`${String(e.pid).padEnd(7)} ${e.comm.padEnd(16)} ${String(e.fd).padStart(3)}  ${e.path}`);
});
