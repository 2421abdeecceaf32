/**
 * syscount: how many system calls each process makes, and which calls the system makes most.
 * A port of bcc's syscount to the `raw_syscalls:sys_enter` tracepoint, which fires on every
 * system call. Both counts are OpenTelemetry counters (`syscalls.count` by syscall number,
 * `syscalls.by_process` by command name); every 5 seconds the userspace part prints the top
 * ten calls with names from the kernel headers.
 *
 * Run: tsbpf run examples/syscount.ts
 *
 * Prints (every 5 seconds, then the maps at exit):
 *
 *   SYSCALL                  COUNT
 *   <name>                   <count>
 *   …
 *
 *   @byProcess[<comm>]: <count>
 *   @calls[<nr>]: <count>
 */
import { comm, Count, interval, type str, tracepoint, u32 } from "@ts-bpf/probes";
import { existsSync, readFileSync } from "node:fs";

const calls = new Count<u32>({ name: "syscalls.count", unit: "{call}",
  description: "System calls by syscall number" });
const byProcess = new Count<str<16>>({ name: "syscalls.by_process", unit: "{call}",
  description: "System calls by command name" });

tracepoint("raw_syscalls:sys_enter", (ctx) => {
  calls.increment(u32(ctx.id));
  byProcess.increment(comm());
});

// Userspace: syscall names from the kernel's header when it is installed.
function syscallNames(): Map<number, string> {
  const names = new Map<number, string>();
  const header = "/usr/include/x86_64-linux-gnu/asm/unistd_64.h";
  if (!existsSync(header)) return names;
  for (const m of readFileSync(header, "utf8").matchAll(/#define __NR_(\w+) (\d+)/g)) {
    names.set(Number(m[2]), m[1]!);
  }
  return names;
}
const names = syscallNames();

interval({ ms: 5000 }, () => {
  const top = [...calls.entries()].map(([nr, count]) => [nr, count as bigint] as const)
    .sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : 0)).slice(0, 10);
  console.log(`${"SYSCALL".padEnd(24)} COUNT`);
  for (const [nr, count] of top) console.log(`${(names.get(nr) ?? `syscall ${nr}`).padEnd(24)} ${count}`);
  console.log();
});
