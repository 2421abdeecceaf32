/** ktimeNs() is monotonic: a second reading is never before the first, and time is not zero. */
import { ktimeNs, test } from "@ts-bpf/probes";

// expect: 1
test("second reading not earlier", () => {
  const t1 = ktimeNs();
  const t2 = ktimeNs();
  return t2 >= t1 && t1 > 0n ? 1 : 0;
});
