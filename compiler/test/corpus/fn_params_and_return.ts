/** A function declared in the probe is inlined: parameters bind the arguments, return gives the value. */
import { test, u32 } from "@ts-bpf/probes";

function add(a: u32, b: u32): u32 {
  return a + b;
}

// expect(2, 3): 5
// expect(0xffffffff, 1): 0
test("add", (ctx) => add(u32(ctx.arg(0)), u32(ctx.arg(1))));
