/**
 * Per-pid openat() counter: the probe bench/runtime starts with `tsbpf run` (from source and
 * from a built artifact) beside count_openat.bt and count_openat.bpf.c.
 */
import { Count, pid, tracepoint, type u32 } from "@ts-bpf/probes";

const opens = new Count<u32>({ name: "openat.calls", unit: "{call}" });

tracepoint("syscalls:sys_enter_openat", () => {
  opens.increment(pid());
});
