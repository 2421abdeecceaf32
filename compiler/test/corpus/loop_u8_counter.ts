/** A u8 loop counter up to 200. */
import { test, u32, u8 } from "@ts-bpf/probes";

// expect: 200
test("count to 200", () => {
  let n: u32 = 0;
  for (let i: u8 = 0; i < 200; i++) n++;
  return n;
});
