// exec_events.ts as the plain C reference (exec_events.bpf.c) is written: records a full ring
// buffer refuses are not counted (countLost: false), so both do the same work.
import { comm, pid, readUserStr, RingBuf, tracepoint, type str, type u32 } from "@ts-bpf/probes";
interface ExecEvent { pid: u32; comm: str<16>; filename: str<256> }
const execs = new RingBuf<ExecEvent>({ bytes: 256 * 1024, countLost: false });
tracepoint("syscalls:sys_enter_execve", (ctx) => {
  execs.emit({ pid: pid(), comm: comm(), filename: readUserStr(ctx.filename, 256) });
});
