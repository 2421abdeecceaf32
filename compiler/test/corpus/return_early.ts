/** return leaves the handler at once, from inside ifs and loops. */
import { test, u32 } from "@ts-bpf/probes";

// expect(0): 1
// expect(5): 2
test("from an if", (ctx) => {
  if (ctx.arg(0) === 0n) return 1;
  return 2;
});

// expect(3): 3
// expect(50): 99
test("from inside a loop", (ctx) => {
  const n = u32(ctx.arg(0));
  for (let i: u32 = 0; i < 10; i++) {
    if (i === n) return i;
  }
  return 99;
});
