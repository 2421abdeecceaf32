/** A function written as a top-level const arrow is inlined like a declaration. */
import { test, u32 } from "@ts-bpf/probes";

const double = (x: u32): u32 => x * 2;
const triple = (x: u32): u32 => {
  return x * 3;
};

// expect(7): 35
test("double plus triple", (ctx) => double(u32(ctx.arg(0))) + triple(u32(ctx.arg(0))));
