/** switch on a u64 with case labels above 32 bits. */
import { test } from "@ts-bpf/probes";

// expect(0x100000000): 1
// expect(0): 2
// expect(0xffffffffffffffff): 3
// expect(5): 0
test("large labels", (ctx) => {
  switch (ctx.arg(0)) {
    case 0x100000000n: return 1;
    case 0n: return 2;
    case 0xffffffffffffffffn: return 3;
    default: return 0;
  }
});
