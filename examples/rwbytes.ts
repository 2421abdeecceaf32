/**
 * rwbytes: bytes read and written per process, from the results of read(2) and write(2). The
 * two sums are OpenTelemetry counters (`process.io.read` and `process.io.write`, unit By)
 * keyed by process id and command name; every 5 seconds the userspace part prints the ten
 * processes that moved the most bytes.
 *
 * Run: tsbpf run examples/rwbytes.ts
 *
 * Prints (every 5 seconds, then the maps at exit):
 *
 *   PID     COMM               READ BYTES  WRITTEN BYTES
 *   <pid>   <comm>             <bytes>     <bytes>
 *   …
 *
 *   @readBytes[<pid>, <comm>]: <bytes>
 *   @writtenBytes[<pid>, <comm>]: <bytes>
 */
import { comm, interval, pid, type str, Sum, tracepoint, type u32, u64 } from "@ts-bpf/probes";

interface Process {
  pid: u32;
  comm: str<16>;
}

const readBytes = new Sum<Process>({ name: "process.io.read", unit: "By",
  description: "Bytes returned by read(2)" });
const writtenBytes = new Sum<Process>({ name: "process.io.write", unit: "By",
  description: "Bytes accepted by write(2)" });

tracepoint("syscalls:sys_exit_read", (ctx) => {
  if (ctx.ret > 0n) readBytes.add(u64(ctx.ret), { pid: pid(), comm: comm() });
});

tracepoint("syscalls:sys_exit_write", (ctx) => {
  if (ctx.ret > 0n) writtenBytes.add(u64(ctx.ret), { pid: pid(), comm: comm() });
});

// Userspace: the top ten processes by bytes moved.
interval({ ms: 5000 }, () => {
  const totals = new Map<string, { pid: number; comm: string; read: bigint; written: bigint }>();
  const entry = (p: Process) => {
    const key = `${p.pid}/${p.comm}`;
    let e = totals.get(key);
    if (!e) totals.set(key, e = { pid: p.pid, comm: p.comm, read: 0n, written: 0n });
    return e;
  };
  for (const [p, bytes] of readBytes.entries()) entry(p).read += bytes as bigint;
  for (const [p, bytes] of writtenBytes.entries()) entry(p).written += bytes as bigint;
  const top = [...totals.values()].sort((a, b) => {
    const d = (b.read + b.written) - (a.read + a.written);
    return d > 0n ? 1 : d < 0n ? -1 : 0;
  }).slice(0, 10);
  console.log(`${"PID".padEnd(7)} ${"COMM".padEnd(16)} ${"READ BYTES".padStart(12)}  WRITTEN BYTES`);
  for (const e of top) {
    console.log(`${String(e.pid).padEnd(7)} ${e.comm.padEnd(16)} ${String(e.read).padStart(12)}  ${e.written}`);
  }
  console.log();
});
