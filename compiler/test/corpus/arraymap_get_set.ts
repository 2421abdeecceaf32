/** ArrayMap entries always exist (zeroed); set writes one. */
import { ArrayMap, test, u32, u64 } from "@ts-bpf/probes";

const arr = new ArrayMap<u64>({ entries: 4 });

// expect: 0
// expect-map: arr[2] = 0
test("unset entries read zero", () => {
  const v = arr.get(2);
  return v === undefined ? 99 : v;
});

// expect(2, 41): 41
// expect-map: arr[2] = 41
// expect-map: arr[3] = 0
test("set then get", (ctx) => {
  arr.set(u32(ctx.arg(0)), ctx.arg(1));
  const v = arr.get(u32(ctx.arg(0)));
  return v === undefined ? 99 : v;
});
