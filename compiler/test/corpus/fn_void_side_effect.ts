/** A function returning nothing, called for its effect on a map. */
import { ArrayMap, test, u32, u64 } from "@ts-bpf/probes";

const slots = new ArrayMap<u64>({ entries: 4 });

function store(index: u32, value: u64): void {
  slots.set(index, value);
}

// expect(2, 77): 0
// expect-map: slots[2] = 77
// expect-map: slots[1] = 0
test("store through a function", (ctx) => {
  store(u32(ctx.arg(0)), ctx.arg(1));
  return 0;
});
