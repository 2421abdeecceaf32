/**
 * count_getppid: the smallest probe. Counts getppid() calls per process on the
 * `syscalls:sys_enter_getppid` tracepoint; the count is the OpenTelemetry counter
 * `getppid.calls`, and the runtime prints the map when the probe stops.
 *
 * Run: tsbpf run examples/count_getppid.ts   (Ctrl-C prints the counts)
 *
 * Prints:
 *
 *   @calls[<pid>]: <count>
 *   @calls[<pid>]: <count>
 */
import { Count, pid, tracepoint, type u32 } from "@ts-bpf/probes";

const calls = new Count<u32>({ name: "getppid.calls", unit: "{call}" });

tracepoint("syscalls:sys_enter_getppid", () => {
  calls.increment(pid());
});
