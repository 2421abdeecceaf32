/** Top-level integer consts are visible in handlers and fold like literals. */
import { test, u32 } from "@ts-bpf/probes";

const LIMIT = 100;
const BIG = 0xffffffffn;

// expect(150): 100
// expect(50): 50
test("clamp to a top-level limit", (ctx) => {
  const x = u32(ctx.arg(0));
  return x > LIMIT ? LIMIT : x;
});

// expect(0xffffffff): 1
test("a bigint constant", (ctx) => ctx.arg(0) === BIG ? 1 : 0);
