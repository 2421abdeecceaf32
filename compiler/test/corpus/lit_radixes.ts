/** Hex, octal, binary and separated literals. */
import { test, u32 } from "@ts-bpf/probes";

// expect: 25
test("binary plus octal", () => {
  const a: u32 = 0b1010;
  const b: u32 = 0o17;
  return a + b;
});

// expect: 0xdeadbeef
test("hex", () => {
  const x: u32 = 0xdeadbeef;
  return x;
});

// expect: 1000000
test("underscores", () => {
  const x: u32 = 1_000_000;
  return x;
});
