/** Operator precedence follows TypeScript: * / % before + -, shifts after, then &, ^, |. */
import { test, u32 } from "@ts-bpf/probes";

// expect(2, 3, 4, 8, 2): 10
test("a + b * c - d / e", (ctx) => {
  const a = u32(ctx.arg(0));
  const b = u32(ctx.arg(1));
  const c = u32(ctx.arg(2));
  const d = u32(ctx.arg(3));
  const e = u32(ctx.arg(4));
  return a + b * c - d / e;
});

// expect(1, 2, 3): 9
test("a << b | c & 1", (ctx) => {
  const a = u32(ctx.arg(0));
  const b = u32(ctx.arg(1));
  const c = u32(ctx.arg(2));
  return (a + 1 << b) | c & 1;
});

// expect(2, 3, 4): 20
test("parentheses", (ctx) => (u32(ctx.arg(0)) + u32(ctx.arg(1))) * u32(ctx.arg(2)));
