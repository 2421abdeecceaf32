/** Reading memory at a bad address gives zero (the helper zeroes the destination). */
import { HashMap, readKernel, readUser, readUserStr, type str, test, u32, u64 } from "@ts-bpf/probes";

const strings = new HashMap<u32, str<16>>({ entries: 2 });

// expect(0): 0
// expect(8): 0
test("readUser of address 0", (ctx) => readUser<u64>(ctx.arg(0)));

// expect(0): 0
test("readKernel of address 0", (ctx) => readKernel<u32>(ctx.arg(0)));

// expect(0): 0
// expect-map: strings[0] = ""
test("readUserStr of address 0", (ctx) => {
  strings.set(0, readUserStr(ctx.arg(0), 16));
  return 0;
});
