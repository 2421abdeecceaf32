/** bootNs() counts suspend too, so it is never behind the monotonic clock read before it. */
import { bootNs, ktimeNs, test } from "@ts-bpf/probes";

// expect: 1
test("boot time >= monotonic time", () => {
  const mono = ktimeNs();
  const boot = bootNs();
  return boot >= mono ? 1 : 0;
});
