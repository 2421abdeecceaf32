/**
 * work() latency as a log2 histogram: the tsbpf version of the uprobe corpus. The string
 * "TARGET" is replaced by the traced binary's absolute path before it is compiled.
 */
import { HashMap, Histogram, ktimeNs, tid, type u32, type u64, uprobe, uretprobe } from "@ts-bpf/probes";

const started = new HashMap<u32, u64>({ entries: 10240 });
const latency = new Histogram({ name: "work.duration", unit: "ns" });

uprobe("TARGET", "work", () => {
  started.set(tid(), ktimeNs());
});

uretprobe("TARGET", "work", () => {
  const t0 = started.get(tid());
  if (t0 !== undefined) {
    latency.record(ktimeNs() - t0);
    started.delete(tid());
  }
});
