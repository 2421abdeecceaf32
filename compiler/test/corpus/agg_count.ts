/** Count without a key: one counter, incremented per call. */
import { Count, test } from "@ts-bpf/probes";

const calls = new Count({ name: "test.calls" });

// expect: 0
// expect: 0
// expect: 0
// expect-map: calls = 3
test("three increments", () => {
  calls.increment();
  return 0;
});
