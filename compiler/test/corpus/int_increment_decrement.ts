/** ++ and -- on let locals, wrapping at the declared width. */
import { test, u8, u32 } from "@ts-bpf/probes";

// expect: 3
test("three increments", () => {
  let n: u32 = 0;
  n++;
  n++;
  ++n;
  return n;
});

// expect: 255
test("decrement below zero wraps", () => {
  let b: u8 = 0;
  b--;
  return b;
});

// expect: 0
test("increment past the top wraps", () => {
  let b: u8 = 255;
  b++;
  return b;
});
