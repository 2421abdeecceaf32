/**
 * execsnoop: every program started on the system (each successful execve), with its pid, its
 * user and the path it runs. A port of bcc's execsnoop to the `sched:sched_process_exec`
 * tracepoint, which fires after the new program is loaded: its `filename` is a variable-length
 * (`__data_loc`) string inside the tracepoint's record, so unlike a read of execve's argument
 * it is never missing.
 *
 * Run: tsbpf run examples/execsnoop.ts
 *
 * Prints:
 *
 *   PID     UID    COMM             PATH
 *   <pid>   <uid>  <comm>           <path>
 */
import { comm, pid, RingBuf, type str, tracepoint, type u32, uid } from "@ts-bpf/probes";

interface ExecEvent {
  pid: u32;
  uid: u32;
  /** The new program's name (the kernel sets it from the path at exec). */
  comm: str<16>;
  path: str<256>;
}

const execs = new RingBuf<ExecEvent>({ bytes: 256 * 1024 });

tracepoint("sched:sched_process_exec", (ctx) => {
  execs.emit({ pid: pid(), uid: uid(), comm: comm(), path: ctx.filename });
});

// Userspace.
console.log(`${"PID".padEnd(7)} ${"UID".padEnd(6)} ${"COMM".padEnd(16)} PATH`);
execs.on((e) => {
  console.log(`${String(e.pid).padEnd(7)} ${String(e.uid).padEnd(6)} ${e.comm.padEnd(16)} ${e.path}`);
});
