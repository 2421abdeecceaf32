/** PerCpuArrayMap: the test run updates this CPU's copy; userspace sees the sum. */
import { PerCpuArrayMap, test, u64 } from "@ts-bpf/probes";

interface Acc { n: u64 }

const acc = new PerCpuArrayMap<Acc>({ entries: 1 });

// expect: 0
// expect: 0
// expect-map: acc[0] = { n: 2 }
test("increment this CPU's counter", () => {
  const a = acc.get(0);
  if (a === undefined) return 1;
  a.n += 1n;
  return 0;
});
