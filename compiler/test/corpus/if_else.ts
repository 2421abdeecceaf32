/** if / else picks one branch. */
import { test, u32 } from "@ts-bpf/probes";

// expect(3): 10
// expect(30): 20
test("small or large", (ctx) => {
  let r: u32 = 0;
  if (u32(ctx.arg(0)) < 10) {
    r = 10;
  } else {
    r = 20;
  }
  return r;
});

// expect(1): 1
// expect(0): 0
test("if without else", (ctx) => {
  let r: u32 = 0;
  if (ctx.arg(0) !== 0n) r = 1;
  return r;
});
