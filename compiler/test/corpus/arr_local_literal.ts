/** An Arr local from a literal: missing elements are zero, as in C. */
import { type Arr, test, u32 } from "@ts-bpf/probes";

// expect: 60
test("sum of elements", () => {
  const a: Arr<u32, 4> = [10, 20, 30];
  return a[0]! + a[1]! + a[2]! + a[3]!;
});

// expect(5): 5
test("elements can be assigned", (ctx) => {
  const a: Arr<u32, 2> = [0, 0];
  a[1] = u32(ctx.arg(0));
  return a[1]!;
});
