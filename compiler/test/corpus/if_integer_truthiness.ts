/** An integer is true when it is not zero, in if and in !. */
import { test, u32 } from "@ts-bpf/probes";

// expect(7): 1
// expect(0): 0
test("if (x)", (ctx) => {
  const x = u32(ctx.arg(0));
  if (x) return 1;
  return 0;
});

// expect(7): 0
// expect(0): 1
test("if (!x)", (ctx) => {
  const x = u32(ctx.arg(0));
  if (!x) return 1;
  return 0;
});

// expect(0x100000000): 1
test("a u64 with only high bits set is true", (ctx) => ctx.arg(0) ? 1 : 0);
