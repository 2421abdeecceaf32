/** A struct local declared without a value starts zeroed; its fields can be set one by one. */
import { test, u32 } from "@ts-bpf/probes";

interface Pair { a: u32; b: u32 }

// expect(5): 5
test("zeroed, then one field set", (ctx) => {
  let p!: Pair;
  p.a = u32(ctx.arg(0));
  return p.a + p.b;
});
