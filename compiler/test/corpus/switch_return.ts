/** Cases may return directly; several labels can share a body. */
import { test, u32 } from "@ts-bpf/probes";

// expect(2): 1
// expect(3): 1
// expect(5): 1
// expect(4): 0
// expect(9): 0
test("small primes", (ctx) => {
  switch (u32(ctx.arg(0))) {
    case 2:
    case 3:
    case 5:
    case 7:
      return 1;
    default:
      return 0;
  }
});
