/** switch jumps to the matching case; break leaves the switch. */
import { test, u32 } from "@ts-bpf/probes";

// expect(1): 10
// expect(2): 20
// expect(3): 30
// expect(4): 0
test("three cases", (ctx) => {
  let r: u32 = 0;
  switch (u32(ctx.arg(0))) {
    case 1:
      r = 10;
      break;
    case 2:
      r = 20;
      break;
    case 3:
      r = 30;
      break;
  }
  return r;
});
