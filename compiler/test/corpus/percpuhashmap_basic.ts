/** PerCpuHashMap: each CPU has its own value; userspace sums them. */
import { PerCpuHashMap, test, u32, u64 } from "@ts-bpf/probes";

const perCpu = new PerCpuHashMap<u32, u64>({ entries: 4 });

// expect: 5
// expect-map: perCpu[1] = 5
test("set on this CPU", () => {
  perCpu.set(1, 5n);
  const v = perCpu.get(1);
  return v === undefined ? 0 : v;
});
