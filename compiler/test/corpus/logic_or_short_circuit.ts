/** || does not evaluate its right side when the left is true. */
import { ArrayMap, type bool, test, u32 } from "@ts-bpf/probes";

const touched = new ArrayMap<u32>({ entries: 1 });

function touch(): bool {
  touched.set(0, 7);
  return false;
}

// expect(1): 1
// expect-map: touched[0] = 0
test("true || touch() skips touch()", (ctx) => ctx.arg(0) !== 0n || touch() ? 1 : 0);

// expect(0): 0
// expect-map: touched[0] = 7
test("false || touch() calls it", (ctx) => ctx.arg(0) !== 0n || touch() ? 1 : 0);
