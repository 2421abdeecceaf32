/**
 * A probe for the embedding example: counts getppid() calls per process.
 */
import { Count, pid, tracepoint, type u32 } from "@ts-bpf/probes";

export const calls = new Count<u32>({ name: "getppid.calls", unit: "{call}" });

tracepoint("syscalls:sys_enter_getppid", () => {
  calls.increment(pid());
});
