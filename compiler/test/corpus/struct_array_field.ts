/** An Arr<T, N> field: elements at constant indexes. */
import { type Arr, test, u32 } from "@ts-bpf/probes";

interface Samples { count: u32; values: Arr<u32, 4> }

// expect(7): 28
test("write and read elements", (ctx) => {
  const s: Samples = { count: 0, values: [0, 0, 0, 0] };
  const v = u32(ctx.arg(0));
  s.values[0] = v;
  s.values[3] = v * 3;
  s.count = 2;
  return s.values[0]! + s.values[3]! + s.values[1]!;
});
