/**
 * An event per getppid() to userspace: the tsbpf version. Each record reaches a JS callback
 * through `events.on()`; at exit the userspace part prints how many arrived (the runtime
 * reports records lost to a full ring itself).
 */
import { ktimeNs, pid, RingBuf, tracepoint, type u32, type u64 } from "@ts-bpf/probes";

interface Call {
  pid: u32;
  ts: u64;
}

const events = new RingBuf<Call>({ bytes: 1 << 20 });

tracepoint("syscalls:sys_enter_getppid", () => {
  events.emit({ pid: pid(), ts: ktimeNs() });
});

// Userspace.
let received = 0;
events.on(() => {
  received++;
});
process.on("exit", () => console.log(`received ${received}`));
