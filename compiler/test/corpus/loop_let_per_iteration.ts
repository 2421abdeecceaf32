/** A let declared in a loop body starts again on every iteration. */
import { test, u32 } from "@ts-bpf/probes";

// expect: 5
test("fresh every time", () => {
  let total: u32 = 0;
  for (let i: u32 = 0; i < 5; i++) {
    let fresh: u32 = 0;
    fresh += 1;
    total += fresh;
  }
  return total;
});
