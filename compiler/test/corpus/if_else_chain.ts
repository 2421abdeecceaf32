/** else-if chains test in order and take the first match. */
import { test, u32 } from "@ts-bpf/probes";

// expect(0): 1
// expect(5): 2
// expect(50): 3
// expect(500): 4
test("buckets", (ctx) => {
  const x = u32(ctx.arg(0));
  if (x === 0) return 1;
  else if (x < 10) return 2;
  else if (x < 100) return 3;
  else return 4;
});
