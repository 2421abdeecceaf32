/** Nested ifs: the inner test runs only when the outer one holds. */
import { test, u32 } from "@ts-bpf/probes";

// expect(1, 1): 3
// expect(1, 0): 2
// expect(0, 1): 1
// expect(0, 0): 1
test("two levels", (ctx) => {
  const a = u32(ctx.arg(0));
  const b = u32(ctx.arg(1));
  if (a !== 0) {
    if (b !== 0) {
      return 3;
    }
    return 2;
  }
  return 1;
});
