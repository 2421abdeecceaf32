/** Without break, a case falls through into the next one. */
import { test, u32 } from "@ts-bpf/probes";

// expect(1): 111
// expect(2): 110
// expect(3): 100
// expect(9): 0
test("accumulating cases", (ctx) => {
  let r: u32 = 0;
  switch (u32(ctx.arg(0))) {
    case 1:
      r += 1;
    case 2:
      r += 10;
    case 3:
      r += 100;
  }
  return r;
});
