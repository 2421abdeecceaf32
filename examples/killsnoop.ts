/**
 * killsnoop: every signal sent with kill(2), who sent it, to whom, and whether it worked. A
 * port of bcc's killsnoop to the `syscalls:sys_enter_kill` / `sys_exit_kill` tracepoints: the
 * entry keeps the target and signal per thread (a struct value in a hash map), the exit adds
 * the result and sends one record.
 *
 * Run: tsbpf run examples/killsnoop.ts
 *
 * Prints:
 *
 *   PID     COMM             SIG  TPID    RESULT
 *   <pid>   <comm>           <sig> <tpid>  0
 *   <pid>   <comm>           <sig> <tpid>  -3
 */
import { comm, HashMap, i32, pid, RingBuf, type str, tid, tracepoint, u32 } from "@ts-bpf/probes";

interface KillCall {
  /** The target: a pid, 0 (own process group), -1 (every process) or -pgid. */
  target: i32;
  signal: u32;
}

interface KillEvent {
  pid: u32;
  target: i32;
  signal: u32;
  /** 0, or -errno (-3 is ESRCH: no such process). */
  result: i32;
  comm: str<16>;
}

const inFlight = new HashMap<u32, KillCall>({ entries: 1024 });
const kills = new RingBuf<KillEvent>({ bytes: 64 * 1024 });

tracepoint("syscalls:sys_enter_kill", (ctx) => {
  inFlight.set(tid(), { target: i32(ctx.pid), signal: u32(ctx.sig) });
});

tracepoint("syscalls:sys_exit_kill", (ctx) => {
  const call = inFlight.get(tid());
  if (call === undefined) return;
  kills.emit({ pid: pid(), target: call.target, signal: call.signal, result: i32(ctx.ret),
    comm: comm() });
  inFlight.delete(tid());
});

// Userspace.
console.log(`${"PID".padEnd(7)} ${"COMM".padEnd(16)} ${"SIG".padEnd(4)} ${"TPID".padEnd(7)} RESULT`);
kills.on((e) => {
  console.log(`${String(e.pid).padEnd(7)} ${e.comm.padEnd(16)} ${String(e.signal).padEnd(4)} ` +
    `${String(e.target).padEnd(7)} ${e.result}`);
});
