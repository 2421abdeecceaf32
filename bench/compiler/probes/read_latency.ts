import { HashMap, Histogram, ktimeNs, tid, tracepoint, type u32, type u64 } from "@ts-bpf/probes";
const started = new HashMap<u32, u64>({ entries: 10240 });
const latency = new Histogram<u32>({ name: "read.duration", unit: "ns" });
tracepoint("syscalls:sys_enter_read", () => {
  started.set(tid(), ktimeNs());
});
tracepoint("syscalls:sys_exit_read", () => {
  const t0 = started.get(tid());
  if (t0 !== undefined) {
    latency.record(ktimeNs() - t0, tid());
    started.delete(tid());
  }
});
