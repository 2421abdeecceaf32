/** 18446744073709551615n (2^64 - 1 in decimal) is read exactly, not through a double. */
import { HashMap, test, u32, u64 } from "@ts-bpf/probes";

const out = new HashMap<u32, u64>({ entries: 4 });

// expect(0xffffffffffffffff): 1
// expect-map: out[1] = 18446744073709551615
test("decimal max", (ctx) => {
  const max: u64 = 18446744073709551615n;
  out.set(1, max);
  return ctx.arg(0) === max ? 1 : 0;
});

// expect(0x20000000000001): 1
test("2^53 + 1 is exact", (ctx) => ctx.arg(0) === 9007199254740993n ? 1 : 0);
