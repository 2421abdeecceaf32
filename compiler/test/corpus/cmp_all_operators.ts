/** Each comparison operator, as bits: 1 <, 2 <=, 4 >, 8 >=, 16 ===, 32 !==. */
import { i32, test, u32 } from "@ts-bpf/probes";

// expect(3, 5): 35
// expect(5, 5): 26
// expect(7, 5): 44
// expect(0xffffffff, 1): 44
test("unsigned operands", (ctx) => {
  const a = u32(ctx.arg(0));
  const b = u32(ctx.arg(1));
  return (a < b ? 1 : 0) | (a <= b ? 2 : 0) | (a > b ? 4 : 0) | (a >= b ? 8 : 0) |
    (a === b ? 16 : 0) | (a !== b ? 32 : 0);
});

// expect(3, 5): 35
// expect(-5, -5): 26
// expect(0xffffffff, 1): 35
// expect(1, -1): 44
test("signed operands", (ctx) => {
  const a = i32(ctx.arg(0));
  const b = i32(ctx.arg(1));
  return (a < b ? 1 : 0) | (a <= b ? 2 : 0) | (a > b ? 4 : 0) | (a >= b ? 8 : 0) |
    (a == b ? 16 : 0) | (a != b ? 32 : 0);
});
