/** Assigning a struct to another local copies it: changing the copy leaves the original. */
import { test, u32 } from "@ts-bpf/probes";

interface Pair { a: u32; b: u32 }

// expect: 102
test("copy is independent", () => {
  const p: Pair = { a: 1, b: 2 };
  const q: Pair = p;
  q.a = 100;
  return q.a + p.b;
});

// expect: 1
test("original unchanged", () => {
  const p: Pair = { a: 1, b: 2 };
  const q: Pair = p;
  q.a = 100;
  return p.a;
});
