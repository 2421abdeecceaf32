/** A block may declare a local with the name of an outer one; the outer one is unchanged. */
import { test, u32 } from "@ts-bpf/probes";

// expect: 1
test("inner x does not touch outer x", () => {
  const x: u32 = 1;
  {
    const x: u32 = 2;
    if (x !== 2) return 100;
  }
  return x;
});
