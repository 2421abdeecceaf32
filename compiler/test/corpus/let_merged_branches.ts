/** A let assigned on some paths keeps the value of the path taken. */
import { test, u32 } from "@ts-bpf/probes";

// expect(0): 10
// expect(1): 14
// expect(2): 18
test("value after if / else if", (ctx) => {
  const sel = u32(ctx.arg(0));
  let x: u32 = 5;
  if (sel === 1) x = 7;
  else if (sel === 2) x = 9;
  return x * 2;
});
