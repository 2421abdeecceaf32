/** Compound assignments (+=, -=, *=, /=, %=, &=, |=, ^=, <<=, >>=) on a u32 local. */
import { test, u32 } from "@ts-bpf/probes";

// expect(10): 3
test("a chain of compound assignments", (ctx) => {
  let x: u32 = u32(ctx.arg(0)); // 10
  x += 5;   // 15
  x *= 4;   // 60
  x -= 10;  // 50
  x /= 3;   // 16
  x %= 7;   // 2
  x <<= 4;  // 32
  x |= 3;   // 35
  x &= 0x1f; // 3
  x ^= 0;   // 3
  x >>= 0;  // 3
  return x;
});
