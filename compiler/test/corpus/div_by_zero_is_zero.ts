/** Division by zero gives 0, as in the kernel (no trap). */
import { HashMap, test, u32, u64 } from "@ts-bpf/probes";

const out = new HashMap<u32, u64>({ entries: 4 });

// expect(100, 0): 0
// expect(100, 4): 25
test("u32 divided by zero", (ctx) => u32(ctx.arg(0)) / u32(ctx.arg(1)));

// expect(0xffffffffffffffff, 0): 0
// expect-map: out[1] = 0
test("u64 divided by zero", (ctx) => {
  out.set(1, ctx.arg(0) / ctx.arg(1));
  return ctx.arg(0) / ctx.arg(1);
});
