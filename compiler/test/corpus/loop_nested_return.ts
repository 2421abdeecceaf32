/** return from inside two loops leaves both. */
import { test, u32 } from "@ts-bpf/probes";

// expect(12): 34
// expect(99): 0
test("first (i, j) with i * j == n", (ctx) => {
  const n = u32(ctx.arg(0));
  for (let i: u32 = 1; i < 5; i++) {
    for (let j: u32 = 1; j < 5; j++) {
      if (i * j === n) return i * 10 + j;
    }
  }
  return 0;
});
