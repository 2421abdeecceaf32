import { Count, pid, tracepoint, type u32 } from "@ts-bpf/probes";
const calls = new Count<u32>({ name: "openat.calls" });
tracepoint("syscalls:sys_enter_openat", () => {
  calls.increment(pid());
});
