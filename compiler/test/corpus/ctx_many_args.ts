/** A test probe reads up to 12 raw-tracepoint arguments. */
import { test } from "@ts-bpf/probes";

// expect(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12): 78
test("sum of twelve", (ctx) =>
  ctx.arg(0) + ctx.arg(1) + ctx.arg(2) + ctx.arg(3) + ctx.arg(4) + ctx.arg(5) + ctx.arg(6) +
  ctx.arg(7) + ctx.arg(8) + ctx.arg(9) + ctx.arg(10) + ctx.arg(11));
