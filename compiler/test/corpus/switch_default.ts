/** default runs when no case matches, wherever it is written. */
import { test, u32 } from "@ts-bpf/probes";

// expect(1): 10
// expect(7): 99
test("default last", (ctx) => {
  switch (u32(ctx.arg(0))) {
    case 1: return 10;
    default: return 99;
  }
});

// expect(1): 10
// expect(2): 20
// expect(5): 21
test("default in the middle falls through to the next case", (ctx) => {
  let r: u32 = 0;
  switch (u32(ctx.arg(0))) {
    case 1:
      r = 10;
      break;
    default:
      r = 1;
    case 2:
      r += 20;
  }
  return r;
});
