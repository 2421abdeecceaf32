/** Division of constants is folded with the kernel's rules: x / 0 = 0 and x % 0 = x. */
import { test } from "@ts-bpf/probes";

const TEN = 10;
const ZERO = 0;

// expect: 0
test("folded division by zero", () => TEN / ZERO);

// expect: 10
test("folded modulo zero", () => TEN % ZERO);

// expect: 14
test("folded quotient", () => 100 / 7);

// expect: -3
test("folded signed quotient truncates toward zero", () => -7 / 2);
