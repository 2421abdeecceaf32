/** A let with a type and no initial value starts at zero. */
import { test, u32 } from "@ts-bpf/probes";

// expect: 0
test("starts at zero", () => {
  let x: u32;
  return x!;
});

// expect(4): 4
test("assigned later", (ctx) => {
  let x: u32;
  x = u32(ctx.arg(0));
  return x;
});
